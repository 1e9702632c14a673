package io.mq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.body.MessageQueue;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Round-robin with latency-fault avoidance. */
class QueueChooserTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final BrokerAvoidance avoidance = new BrokerAvoidance(now::get);
    private final QueueChooser chooser = new QueueChooser(avoidance, true);
    private final List<MessageQueue> queues = List.of(new MessageQueue("T", "a", 0), new MessageQueue("T", "a", 1),
            new MessageQueue("T", "b", 0), new MessageQueue("T", "b", 1));

    @Test
    void roundRobinVisitsEveryQueue() {
        var chosen = IntStream.range(0, 4).mapToObj(i -> chooser.choose("T", queues, null)).distinct().count();

        assertThat(chosen).isEqualTo(4);
    }

    @Test
    void aRetryGoesToAnotherBroker() {
        assertThat(IntStream.range(0, 20).mapToObj(i -> chooser.choose("T", queues, "a").brokerName()))
                .containsOnly("b");
    }

    @Test
    void aFailedBrokerIsAvoidedForTenSecondsThenUsedAgain() {
        avoidance.failed("a");

        assertThat(IntStream.range(0, 20).mapToObj(i -> chooser.choose("T", queues, null).brokerName()))
                .containsOnly("b");
        now.addAndGet(10_000);
        assertThat(IntStream.range(0, 20).mapToObj(i -> chooser.choose("T", queues, null).brokerName()))
                .contains("a", "b");
    }

    @Test
    void aSlowAnswerAvoidsTheBrokerBrieflyAndAFastOneClearsIt() {
        avoidance.answered("a", 600);
        assertThat(avoidance.isAvailable("a")).isFalse();
        now.addAndGet(2_000);
        assertThat(avoidance.isAvailable("a")).isTrue();

        avoidance.answered("b", 3_500);
        avoidance.answered("b", 20);
        assertThat(avoidance.isAvailable("b")).isTrue();
    }

    @Test
    void whenEveryBrokerIsAvoidedItStillSends() {
        avoidance.failed("a");
        avoidance.failed("b");

        assertThat(chooser.choose("T", queues, null)).isIn(queues);
    }
}
