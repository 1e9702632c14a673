package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official push consumer (clustering, from the first offset) against our broker. */
class PushConsumerCompatTest {

    @RegisterExtension
    static final CompatBroker mq = CompatBroker.create();

    @Test
    void receivesEveryMessageExactlyOnceWithBodyTagsKeysAndPropertiesIntact() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("push"), 4);
        var producer = mq.producer();
        var sent = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            var message = new Message(topic, "Tag" + (i % 3), "order-" + i, ("payload-" + i).getBytes(StandardCharsets.UTF_8));
            message.putUserProperty("index", Integer.toString(i));
            message.putUserProperty("customer", "c\u00e9-" + i);
            sent.add(producer.send(message).getMsgId());
        }
        var received = new Received();

        mq.pushConsumer(CompatBroker.unique("push-group"), topic, "*", received);

        received.awaitIds(sent);
        for (int i = 0; i < 40; i++) {
            var message = received.byId(sent.get(i));
            assertThat(message.getTopic()).isEqualTo(topic);
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("payload-" + i);
            assertThat(message.getTags()).isEqualTo("Tag" + (i % 3));
            assertThat(message.getKeys()).isEqualTo("order-" + i);
            assertThat(message.getUserProperty("index")).isEqualTo(Integer.toString(i));
            assertThat(message.getUserProperty("customer")).isEqualTo("c\u00e9-" + i);
            assertThat(message.getReconsumeTimes()).isZero();
            assertThat(message.getStoreTimestamp()).isGreaterThanOrEqualTo(message.getBornTimestamp() - 1_000);
        }
        received.assertDeliveredExactly(40);
    }

    @Test
    void receivesMessagesSentAfterItStarted() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("live"), 2);
        var received = new Received();
        mq.pushConsumer(CompatBroker.unique("live-group"), topic, "*", received);
        var producer = mq.producer();

        var sent = sendPlain(producer, topic, 10);

        received.awaitIds(sent);
        received.assertDeliveredExactly(10);
    }

    @Test
    void twoConsumersOfOneGroupSplitTheQueues() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("split"), 8);
        var group = CompatBroker.unique("split-group");
        var first = new Received();
        var second = new Received();
        var one = mq.pushConsumer(group, topic, "*", first);
        var two = mq.pushConsumer(group, topic, "*", second);

        // Send only once the group has settled: each member holds queues and together they hold all 8, once.
        await("rebalance of two members over 8 queues").atMost(CompatBroker.DELIVERY_TIMEOUT)
                .until(() -> settled(topic, one, two));
        var sent = sendPlain(mq.producer(), topic, 80);

        await("delivery to the group").atMost(CompatBroker.DELIVERY_TIMEOUT)
                .until(() -> union(first, second).containsAll(sent));
        assertThat(first.count()).isPositive();
        assertThat(second.count()).isPositive();
        assertThat(first.count() + second.count()).isEqualTo(80);
        assertThat(first.ids()).doesNotContainAnyElementsOf(second.ids());
        assertThat(first.duplicates()).isEmpty();
        assertThat(second.duplicates()).isEmpty();
    }

    @Test
    void tagSubscriptionReceivesOnlyTheSubscribedTags() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("tags"), 4);
        var producer = mq.producer();
        var wanted = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            var tag = List.of("TagA", "TagB", "TagC").get(i % 3);
            var result = producer.send(new Message(topic, tag, "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            if (!tag.equals("TagC")) {
                wanted.add(result.getMsgId());
            }
        }
        var received = new Received();

        mq.pushConsumer(CompatBroker.unique("tags-group"), topic, "TagA || TagB", received);

        received.awaitIds(wanted);
        received.assertDeliveredExactly(wanted.size());
        assertThat(received.tags()).containsExactlyInAnyOrder("TagA", "TagB");
    }

    private static List<String> sendPlain(DefaultMQProducer producer, String topic, int count) throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ids.add(producer.send(new Message(topic, "T", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)))
                    .getMsgId());
        }
        return ids;
    }

    private static boolean settled(String topic, DefaultMQPushConsumer one, DefaultMQPushConsumer two) {
        var mine = owned(topic, one);
        var theirs = owned(topic, two);
        var all = new HashSet<>(mine);
        all.addAll(theirs);
        return !mine.isEmpty() && !theirs.isEmpty() && all.size() == 8 && mine.size() + theirs.size() == 8;
    }

    /** The queues of {@code topic} this member is pulling now, as its rebalance decided. */
    private static Set<MessageQueue> owned(String topic, DefaultMQPushConsumer consumer) {
        var owned = new HashSet<MessageQueue>();
        for (var queue : consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()) {
            if (queue.getTopic().equals(topic)) {
                owned.add(queue);
            }
        }
        return owned;
    }

    private static Set<String> union(Received a, Received b) {
        var all = new HashSet<>(a.ids());
        all.addAll(b.ids());
        return all;
    }
}
