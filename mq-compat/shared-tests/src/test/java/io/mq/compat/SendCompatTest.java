package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The official producer's send modes against our broker: sync, async, one-way and batch. */
class SendCompatTest {

    @RegisterExtension
    static final CompatBroker mq = CompatBroker.create();

    private static Message message(String topic, String body) {
        return new Message(topic, "TagA", "key-" + body, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void syncSendIsAcknowledgedWithIdQueueAndOffset() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("sync"), 4);
        var producer = mq.producer();

        var first = producer.send(message(topic, "one"));
        var second = producer.send(message(topic, "two"));

        for (var result : List.of(first, second)) {
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMsgId()).isNotBlank();
            assertThat(result.getOffsetMsgId()).isNotBlank();
            assertThat(result.getMessageQueue().getTopic()).isEqualTo(topic);
            assertThat(result.getMessageQueue().getBrokerName()).isEqualTo("broker-a");
            assertThat(result.getMessageQueue().getQueueId()).isBetween(0, 3);
            assertThat(result.getQueueOffset()).isGreaterThanOrEqualTo(0);
        }
        assertThat(first.getMsgId()).isNotEqualTo(second.getMsgId());
        assertThat(first.getOffsetMsgId()).isNotEqualTo(second.getOffsetMsgId());
    }

    @Test
    void producerSeesEveryWriteQueueOfACreatedTopic() throws Exception {
        // Topic creation, route and cluster list are covered by the admin helper's AdminExtInteropTest.
        var topic = mq.createTopic(CompatBroker.unique("queues"), 8);

        var queues = mq.producer().fetchPublishMessageQueues(topic);

        assertThat(queues).hasSize(8).allSatisfy(q -> assertThat(q.getBrokerName()).isEqualTo("broker-a"));
    }

    @Test
    void syncSendsToOneQueueGetConsecutiveOffsets() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("offsets"), 1);
        var producer = mq.producer();

        var offsets = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var result = producer.send(message(topic, "m" + i));
            assertThat(result.getMessageQueue().getQueueId()).isZero();
            offsets.add(result.getQueueOffset());
        }

        assertThat(offsets).containsExactly(0L, 1L, 2L);
    }

    @Test
    void asyncSendCompletesTheCallbackWithSendOk() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("async"), 4);
        var producer = mq.producer();
        var outcome = new CompletableFuture<SendResult>();

        producer.send(message(topic, "async"), new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                outcome.complete(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                outcome.completeExceptionally(e);
            }
        });

        var result = outcome.get(30, TimeUnit.SECONDS);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMsgId()).isNotBlank();
        assertThat(result.getMessageQueue().getTopic()).isEqualTo(topic);
    }

    @Test
    void oneWaySendIsStoredAndConsumed() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("oneway"), 2);
        var producer = mq.producer();
        var received = new Received();
        mq.pushConsumer(CompatBroker.unique("oneway-group"), topic, "*", received);

        for (int i = 0; i < 5; i++) {
            producer.sendOneway(message(topic, "oneway-" + i));
        }

        received.awaitCount(5);
        assertThat(received.keys()).containsExactlyInAnyOrder(
                "key-oneway-0", "key-oneway-1", "key-oneway-2", "key-oneway-3", "key-oneway-4");
        received.assertDeliveredExactly(5);
    }

    @Test
    void batchSendStoresEveryMessageOfTheBatch() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("batch"), 4);
        var producer = mq.producer();
        var batch = new ArrayList<Message>();
        for (int i = 0; i < 10; i++) {
            var message = message(topic, "batch-" + i);
            message.putUserProperty("index", Integer.toString(i));
            batch.add(message);
        }

        var result = producer.send(batch);

        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        var ids = List.of(result.getMsgId().split(","));
        assertThat(ids).hasSize(10).doesNotHaveDuplicates();
        assertThat(result.getQueueOffset()).isGreaterThanOrEqualTo(0);

        var received = new Received();
        mq.pushConsumer(CompatBroker.unique("batch-group"), topic, "*", received);
        received.awaitIds(ids);
        for (int i = 0; i < 10; i++) {
            var message = received.byId(ids.get(i));
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("batch-" + i);
            assertThat(message.getUserProperty("index")).isEqualTo(Integer.toString(i));
            assertThat(message.getQueueId()).isEqualTo(result.getMessageQueue().getQueueId());
            assertThat(message.getQueueOffset()).isEqualTo(result.getQueueOffset() + i);
        }
        received.assertDeliveredExactly(10);
    }
}
