package io.mq.broker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.ResponseCode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DelayRouterTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private final DelayRouter router = new DelayRouter(DelayLevels.defaults(), () -> NOW);

    private static MessageDraft draft(Map<String, String> properties) {
        var all = new LinkedHashMap<String, String>();
        all.put(MessageProperties.TAGS, "t");
        all.put(MessageProperties.UNIQ_KEY, "U1");
        all.putAll(properties);
        return MessageDraft.of("orders", 3, "body".getBytes(StandardCharsets.UTF_8), all, HOST);
    }

    @Test
    void aDelayLevelSendsTheMessageToItsScheduleQueueKeepingTheRealDestination() {
        var held = router.hold(draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "2")));

        assertThat(held.topic()).isEqualTo("SCHEDULE_TOPIC_XXXX");
        assertThat(held.queueId()).isEqualTo(1);
        assertThat(held.properties()).containsEntry(MessageProperties.REAL_TOPIC, "orders")
                .containsEntry(MessageProperties.REAL_QUEUE_ID, "3")
                .containsEntry(MessageProperties.DELAY_TIME_LEVEL, "2")
                .containsEntry(MessageProperties.UNIQ_KEY, "U1")
                .containsEntry(MessageProperties.TAGS, "t");
    }

    @Test
    void aLevelAboveTheTableIsCappedAndLevelZeroIsNotHeld() {
        var capped = router.hold(draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "99")));
        var plain = draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "0"));

        assertThat(capped.queueId()).isEqualTo(17);
        assertThat(capped.property(MessageProperties.DELAY_TIME_LEVEL)).isEqualTo("18");
        assertThat(router.hold(plain)).isSameAs(plain);
    }

    @Test
    void preparedTransactionMessagesAreNeverHeld() {
        var prepared = draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "3"))
                .withSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);

        assertThat(router.hold(prepared)).isSameAs(prepared);
    }

    @Test
    void timerPropertiesSendTheMessageToTheTimerQueueWithItsDeliveryTime() {
        var absolute = router.hold(draft(Map.of(TimerProperties.DELIVER_MS, Long.toString(NOW + 3000))));
        var startDeliver = router.hold(draft(Map.of(TimerProperties.START_DELIVER_TIME, Long.toString(NOW + 40))));
        var relativeMs = router.hold(draft(Map.of(TimerProperties.DELAY_MS, "1500")));
        var relativeSec = router.hold(draft(Map.of(TimerProperties.DELAY_SEC, "2")));

        assertThat(absolute.topic()).isEqualTo(ScheduleTopics.TIMER);
        assertThat(absolute.queueId()).isZero();
        assertThat(absolute.properties()).containsEntry(TimerProperties.OUT_MS, Long.toString(NOW + 3000))
                .containsEntry(MessageProperties.REAL_TOPIC, "orders")
                .containsEntry(MessageProperties.REAL_QUEUE_ID, "3");
        assertThat(startDeliver.property(TimerProperties.OUT_MS)).isEqualTo(Long.toString(NOW + 40));
        assertThat(relativeMs.property(TimerProperties.OUT_MS)).isEqualTo(Long.toString(NOW + 1500));
        assertThat(relativeSec.property(TimerProperties.OUT_MS)).isEqualTo(Long.toString(NOW + 2000));
    }

    @Test
    void aTimeAlreadyPastIsDeliveredAtOnceAndOneTooFarAheadIsRefused() {
        var past = draft(Map.of(TimerProperties.DELIVER_MS, Long.toString(NOW - 1)));

        assertThat(router.hold(past)).isSameAs(past);
        assertThatThrownBy(() -> router.hold(draft(Map.of(TimerProperties.DELAY_SEC, "300000"))))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL))
                .hasMessageContaining("PT72H");
        assertThatThrownBy(() -> router.hold(draft(Map.of(TimerProperties.DELAY_MS, "soon"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("TIMER_DELAY_MS=soon");
        assertThatThrownBy(() -> router.hold(draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "x"))))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("DELAY=x");
    }

    @Test
    void releaseRestoresTheRealDestinationWithoutTheTriggersAndTheDeliveryTimeIsStoreTimePlusTheLevel() {
        var held = router.hold(draft(Map.of(MessageProperties.DELAY_TIME_LEVEL, "2")));
        var stored = MessageCodec.decode(MessageCodec.encode(held, 4096, 7, NOW, HOST), true);

        var released = DelayRouter.release(stored);

        assertThat(router.deliverAt(stored)).isEqualTo(NOW + 5000);
        assertThat(released.topic()).isEqualTo("orders");
        assertThat(released.queueId()).isEqualTo(3);
        assertThat(released.properties()).doesNotContainKey(MessageProperties.DELAY_TIME_LEVEL)
                .containsEntry(MessageProperties.UNIQ_KEY, "U1").containsEntry(MessageProperties.TAGS, "t");
        assertThat(new String(released.body(), StandardCharsets.UTF_8)).isEqualTo("body");
        assertThat(released.bornTimestamp()).isEqualTo(held.bornTimestamp());
    }

    @Test
    void aHeldTimerMessageIsDueAtItsOwnTime() {
        var held = router.hold(draft(Map.of(TimerProperties.DELAY_MS, "250")));
        var stored = MessageCodec.decode(MessageCodec.encode(held, 0, 0, NOW + 5, HOST), true);

        assertThat(router.deliverAt(stored)).isEqualTo(NOW + 250);
        assertThat(DelayRouter.release(stored).properties()).doesNotContainKey(TimerProperties.DELAY_MS)
                .containsEntry(TimerProperties.OUT_MS, Long.toString(NOW + 250));
    }
}
