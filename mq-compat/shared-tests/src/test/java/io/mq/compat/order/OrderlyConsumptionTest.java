package io.mq.compat.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.compat.CompatBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.impl.consumer.ProcessQueue;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-key order with the official MessageListenerOrderly (4.9.7 and 5.2.0): messages of a key go to one queue
 * (MessageQueueSelector), and a second consumer joining the group takes queues over only after the first has let go
 * of their locks.
 */
class OrderlyConsumptionTest {
    private static final String TOPIC = "orderly-topic";
    private static final String GROUP = "orderly-group";
    private static final int KEYS = 8;
    private static final int PER_KEY = 30;

    /** A handover waits for a rebalance and a lock expiry on a loaded machine: more than a plain delivery. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final CompatBroker mq = CompatBroker.create();

    /** "key:seq" in arrival order, all consumers together; and per consumer. */
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> byConsumer = new ConcurrentHashMap<>();

    @BeforeEach
    void createTopic() {
        mq.createTopic(TOPIC, 4);
    }

    private DefaultMQPushConsumer orderlyConsumer(String name) throws Exception {
        var consumer = mq.newPushConsumer(GROUP);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (var message : messages) {
                var entry = new String(message.getBody(), StandardCharsets.UTF_8);
                arrivals.add(entry);
                byConsumer.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(entry);
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    @Test
    void eachKeysMessagesArriveInSendOrderWhileASecondConsumerJoins() throws Exception {
        var producer = mq.producer();
        orderlyConsumer("first");
        send(producer, 0, PER_KEY / 2);
        await().atMost(WAIT).until(() -> arrivals.size() >= KEYS * PER_KEY / 2);

        var second = orderlyConsumer("second");
        // The second half goes out once the newcomer holds a queue's lock: sent earlier, the first consumer (still
        // holding all four) could take every message before the handover, and the test would show no handover.
        await("the second consumer locks a queue").atMost(WAIT).until(() -> holdsALockedQueue(second));
        send(producer, PER_KEY / 2, PER_KEY);

        await().atMost(WAIT).until(() -> new HashSet<>(arrivals).size() == KEYS * PER_KEY);
        assertThat(byConsumer.get("second")).as("the second consumer took over some queues").isNotEmpty();
        assertCausalOrderPerKey(arrivals);
        byConsumer.values().forEach(OrderlyConsumptionTest::assertIncreasingPerKey);
    }

    /** The official client's own view: the broker granted it the lock of at least one queue it was assigned. */
    private static boolean holdsALockedQueue(DefaultMQPushConsumer consumer) {
        return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().values().stream()
                .anyMatch(ProcessQueue::isLocked);
    }

    /** Message n of a key is sent to queue (key % queues), so all of a key's messages share one queue. */
    private static void send(DefaultMQProducer producer, int from, int to) throws Exception {
        for (int seq = from; seq < to; seq++) {
            for (int key = 0; key < KEYS; key++) {
                var message = new Message(TOPIC, "TagA", "key-" + key,
                        ("key-" + key + ":" + seq).getBytes(StandardCharsets.UTF_8));
                var result = producer.send(message, (queues, msg, arg) -> queues.get((Integer) arg % queues.size()),
                        key);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
        }
    }

    /** When a key's message n first arrives, each earlier message of the key has already arrived. */
    private static void assertCausalOrderPerKey(List<String> arrivals) {
        var seen = new HashSet<String>();
        for (var entry : arrivals) {
            var key = entry.substring(0, entry.indexOf(':'));
            int seq = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
            for (int earlier = 0; earlier < seq; earlier++) {
                assertThat(seen).as("%s arrived before %s:%d", entry, key, earlier).contains(key + ":" + earlier);
            }
            seen.add(entry);
        }
    }

    /** One consumer sees a key's messages in strictly increasing order. */
    private static void assertIncreasingPerKey(List<String> arrivals) {
        var last = new ConcurrentHashMap<String, Integer>();
        for (var entry : arrivals) {
            var key = entry.substring(0, entry.indexOf(':'));
            int seq = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
            Integer previous = last.put(key, seq);
            if (previous != null) {
                assertThat(seq).as("order of %s", key).isGreaterThan(previous);
            }
        }
    }
}
