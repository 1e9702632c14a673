package io.mq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.remoting.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyCodecTest {

    private static final MessageQueue Q = new MessageQueue("t", "b", 2);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void missingBodyIsASystemError() {
        assertThatThrownBy(() -> HeartbeatData.decode(null))
                .isInstanceOfSatisfying(ProtocolException.class, ex -> assertThat(ex.responseCode()).isEqualTo(1))
                .hasMessage("missing heartbeat body");
    }

    @Test
    void malformedBodyIsASystemErrorNamingTheBody() {
        assertThatThrownBy(() -> LockBatchRequestBody.decode(utf8("{\"mqSet\":[1,")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("malformed lock batch request body");
    }

    @Test
    void unknownEnumValueIsMalformed() {
        var body = "{\"clientID\":\"c\",\"consumerDataSet\":"
                + "[{\"groupName\":\"g\",\"consumeType\":\"CONSUME_SOMEHOW\"}]}";
        assertThatThrownBy(() -> HeartbeatData.decode(utf8(body)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown ConsumeType 'CONSUME_SOMEHOW'");
    }

    @Test
    void heartbeatOfA5xClientKeepsFingerprintAndWithoutSub() {
        var body = "{\"clientID\":\"c\",\"heartbeatFingerprint\":-7,\"withoutSub\":true,\"producerDataSet\":[]}";
        var heartbeat = HeartbeatData.decode(utf8(body));
        assertThat(heartbeat.heartbeatFingerprint()).isEqualTo(-7);
        assertThat(heartbeat.withoutSub()).isTrue();
        assertThat(heartbeat.consumerDataSet()).isEmpty();
        assertThat(HeartbeatData.decode(heartbeat.encode())).isEqualTo(heartbeat);
    }

    @Test
    void messageQueueKeyQuotedAsAStringIsAlsoRead() {
        var body = "{\"offsetTable\":{\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":2,\\\"topic\\\":\\\"t\\\"}\":5}}";
        assertThat(ResetOffsetBody.decode(utf8(body)).offsetTable()).containsExactly(Map.entry(Q, 5L));
    }

    @Test
    void messageQueuesOrderByTopicThenBrokerThenQueue() {
        var a = new MessageQueue("t", "b", 10);
        var b = new MessageQueue("t", "c", 0);
        var c = new MessageQueue("u", "a", 0);
        assertThat(new java.util.TreeSet<>(Set.of(c, b, a, Q))).containsExactly(Q, a, b, c);
    }

    @Test
    void subscriptionGroupOfA4xToolTakesThe5xDefaults() {
        var config = SubscriptionGroupConfig.decode(utf8("{\"groupName\":\"g\",\"retryMaxTimes\":3}"));
        assertThat(config).isEqualTo(new SubscriptionGroupConfig("g", true, true, true, 1, 3, 0L, 1L, true, false,
                0, 15, Map.of(), null, null));
        assertThat(SubscriptionGroupConfig.withDefaults("g").retryMaxTimes()).isEqualTo(16);
    }

    @Test
    void consumerOffsetsRoundTripWithNumericQueueKeys() {
        var wrapper = new ConsumerOffsetSerializeWrapper(Map.of("t@g", Map.of(0, 5L, 3, 9L)),
                Map.of("counter", 2L, "timestamp", 3L));
        var text = new String(wrapper.encode(), StandardCharsets.UTF_8);
        assertThat(text).contains("\"t@g\":{").contains("3:9").contains("0:5");
        assertThat(ConsumerOffsetSerializeWrapper.decode(wrapper.encode())).isEqualTo(wrapper);
    }

    @Test
    void consumeStatsSumsTheLagOfAllQueues() {
        var stats = new ConsumeStats(Map.of(Q, new OffsetWrapper(10, 4, 5, 0),
                new MessageQueue("t", "b", 3), new OffsetWrapper(7, 7, 7, 0)), 0.0);
        assertThat(stats.totalDiff()).isEqualTo(6);
        assertThat(ConsumeStats.decode(stats.encode())).isEqualTo(stats);
    }
}
