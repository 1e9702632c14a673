package io.mq.compat.crossclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.MessageView;
import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.compat.CompatBroker;
import io.mq.compat.Received;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageSysFlag;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our client and the official one (4.9.7 or 5.2.0, whichever module compiles this) on one broker: what one sends the
 * other consumes with the same body, tags, keys, user properties and unique id, compressed bodies included, and
 * members of both kinds share one consumer group.
 */
class CrossClientTest {

    @RegisterExtension
    static final CompatBroker broker = CompatBroker.create();

    @TempDir
    static Path dir;

    /** Over the 4 KiB threshold of both producers, so it travels zlib-compressed. */
    private static final byte[] BIG = bigBody();

    @Test
    void whatOurProducerSendsTheOfficialConsumerReadsAsSent() throws Exception {
        var topic = broker.createTopic(CompatBroker.unique("OursToOfficial"), 4);
        var received = new Received();
        broker.pushConsumer(CompatBroker.unique("official-reader"), topic, "*", received);
        List<String> ids = new ArrayList<>();
        try (var producer = MqProducer.start(ourClient("ours-producer"), ProducerConfig.of(CompatBroker.unique("ours")))) {
            var plain = producer.send(io.mq.client.Message.builder(topic).tags("TagA").keys("k1", "k2")
                    .property("tenant", "acme").property("n", "1").body("plain").build());
            var big = producer.send(io.mq.client.Message.builder(topic).tags("TagZ").keys("big").body(BIG).build());
            var async = producer.sendAsync(io.mq.client.Message.builder(topic).tags("TagB").body("async").build())
                    .join();
            var batch = producer.send(List.of(
                    io.mq.client.Message.builder(topic).tags("TagC").keys("b1").property("item", "1").body("b1").build(),
                    io.mq.client.Message.builder(topic).tags("TagC").keys("b2").property("item", "2").body("b2").build()));
            producer.sendOneway(io.mq.client.Message.builder(topic).tags("TagO").keys("oneway").body("oneway").build());
            ids.addAll(List.of(plain.msgId(), big.msgId(), async.msgId()));
            ids.addAll(Arrays.asList(batch.msgId().split(",")));

            assertThat(stored(big.offsetMsgId()).sysFlag() & MessageSysFlag.COMPRESSED).as("compressed on the wire")
                    .isEqualTo(MessageSysFlag.COMPRESSED);
            received.awaitIds(ids);
            received.awaitCount(6);
            received.assertDeliveredExactly(6);

            var p = received.byId(plain.msgId());
            assertThat(p.getTopic()).isEqualTo(topic);
            assertThat(new String(p.getBody())).isEqualTo("plain");
            assertThat(p.getTags()).isEqualTo("TagA");
            assertThat(p.getKeys()).isEqualTo("k1 k2");
            assertThat(p.getUserProperty("tenant")).isEqualTo("acme");
            assertThat(p.getUserProperty("n")).isEqualTo("1");
            assertThat(p.getReconsumeTimes()).isZero();
            assertThat(received.byId(big.msgId()).getBody()).isEqualTo(BIG);
            assertThat(received.byId(big.msgId()).getKeys()).isEqualTo("big");
            assertThat(new String(received.byId(async.msgId()).getBody())).isEqualTo("async");
            var items = batch.msgId().split(",");
            assertThat(new String(received.byId(items[0]).getBody())).isEqualTo("b1");
            assertThat(received.byId(items[0]).getUserProperty("item")).isEqualTo("1");
            assertThat(received.byId(items[1]).getKeys()).isEqualTo("b2");
            assertThat(received.keys()).contains("oneway");
        }
    }

    @Test
    void whatTheOfficialProducerSendsOurConsumerReadsAsSent() throws Exception {
        var topic = broker.createTopic(CompatBroker.unique("OfficialToOurs"), 4);
        var official = broker.producer();
        Map<String, MessageView> byId = new ConcurrentHashMap<>();
        List<String> duplicates = new CopyOnWriteArrayList<>();
        try (var ignored = MqPushConsumer.builder(ourClient("ours-reader"), ourGroup("ours-reader"))
                .subscribe(topic, "*").listener((messages, context) -> {
                    messages.forEach(m -> {
                        if (byId.putIfAbsent(m.msgId(), m) != null) {
                            duplicates.add(m.msgId());
                        }
                    });
                    return ConsumeResult.CONSUME_SUCCESS;
                }).start()) {
            var plainMessage = new Message(topic, "TagA", "plain".getBytes());
            plainMessage.setKeys(List.of("k1", "k2"));
            plainMessage.putUserProperty("tenant", "acme");
            var plain = official.send(plainMessage);
            var bigMessage = new Message(topic, "TagZ", BIG);
            bigMessage.setKeys("big");
            var big = official.send(bigMessage);
            var async = sendAsync(official, new Message(topic, "TagB", "async".getBytes())).join();
            var item1 = new Message(topic, "TagC", "b1".getBytes());
            item1.putUserProperty("item", "1");
            var item2 = new Message(topic, "TagC", "b2".getBytes());
            item2.setKeys("b2");
            var batch = official.send(List.of(item1, item2));
            var oneway = new Message(topic, "TagO", "oneway".getBytes());
            oneway.setKeys("oneway");
            official.sendOneway(oneway);

            assertThat(List.of(plain, big, async, batch)).extracting(SendResult::getSendStatus)
                    .containsOnly(SendStatus.SEND_OK);
            assertThat(stored(big.getOffsetMsgId()).sysFlag() & MessageSysFlag.COMPRESSED).as("compressed on the wire")
                    .isEqualTo(MessageSysFlag.COMPRESSED);
            var ids = new ArrayList<>(List.of(plain.getMsgId(), big.getMsgId(), async.getMsgId()));
            ids.addAll(Arrays.asList(batch.getMsgId().split(",")));
            await().atMost(CompatBroker.DELIVERY_TIMEOUT).until(() -> byId.keySet().containsAll(ids) && byId.size() >= 6);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> byId.size() == 6 && duplicates.isEmpty());

            var p = byId.get(plain.getMsgId());
            assertThat(p.topic()).isEqualTo(topic);
            assertThat(p.bodyAsString()).isEqualTo("plain");
            assertThat(p.tags()).isEqualTo("TagA");
            assertThat(p.keys()).containsExactly("k1", "k2");
            assertThat(p.property("tenant")).isEqualTo("acme");
            assertThat(p.reconsumeTimes()).isZero();
            assertThat(byId.get(big.getMsgId()).body()).isEqualTo(BIG);
            assertThat(byId.get(big.getMsgId()).keys()).containsExactly("big");
            assertThat(byId.get(async.getMsgId()).bodyAsString()).isEqualTo("async");
            var items = batch.getMsgId().split(",");
            assertThat(byId.get(items[0]).bodyAsString()).isEqualTo("b1");
            assertThat(byId.get(items[0]).property("item")).isEqualTo("1");
            assertThat(byId.get(items[1]).keys()).containsExactly("b2");
            assertThat(byId.values()).anySatisfy(m -> assertThat(m.keys()).containsExactly("oneway"));
        }
    }

    @Test
    void ourMemberAndAnOfficialMemberOfOneGroupShareTheQueuesAndGetEveryMessageOnce() throws Exception {
        var topic = broker.createTopic(CompatBroker.unique("MixedGroup"), 4);
        var group = CompatBroker.unique("mixed");
        var officialReceived = new Received();
        DefaultMQPushConsumer official = broker.pushConsumer(group, topic, "*", officialReceived);
        List<String> ours = new CopyOnWriteArrayList<>();
        try (var consumer = MqPushConsumer.builder(ourClient("mixed"), ourGroup(group)).subscribe(topic, "*")
                .listener((messages, context) -> {
                    messages.forEach(m -> ours.add(m.bodyAsString()));
                    return ConsumeResult.CONSUME_SUCCESS;
                }).start()) {
            // Both use the average allocation over the same sorted client ids: two queues each, none shared.
            await().atMost(CompatBroker.DELIVERY_TIMEOUT).until(() ->
                    consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count() == 2
                            && officialQueues(official, topic) == 2);
            var producer = broker.producer();
            for (int i = 0; i < 40; i++) {
                producer.send(new Message(topic, "t", ("m" + i).getBytes()));
            }
            await().atMost(CompatBroker.DELIVERY_TIMEOUT).until(() -> ours.size() + officialReceived.count() >= 40);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> ours.size() + officialReceived.deliveries() == 40);
        }
        var together = new ArrayList<>(ours);
        officialReceived.ids().forEach(id -> together.add(new String(officialReceived.byId(id).getBody())));
        assertThat(together).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(i -> "m" + i).toList());
        assertThat(ours).isNotEmpty();
        assertThat(officialReceived.count()).isPositive();
    }

    private static long officialQueues(DefaultMQPushConsumer consumer, String topic) {
        return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().entrySet().stream()
                .filter(e -> e.getKey().getTopic().equals(topic) && !e.getValue().isDropped()).count();
    }

    private static io.mq.client.ClientConfig ourClient(String name) {
        return io.mq.client.ClientConfig.of(broker.nameServerAddress()).withInstanceName(CompatBroker.unique(name))
                .withHeartbeatInterval(Duration.ofSeconds(1));
    }

    private static ConsumerConfig ourGroup(String group) {
        return ConsumerConfig.builder(group).consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .rebalanceInterval(Duration.ofSeconds(1)).persistInterval(Duration.ofMillis(200))
                .longPolling(Duration.ofSeconds(2), Duration.ofSeconds(5)).offsetStoreDir(dir.resolve("offsets"))
                .build();
    }

    private static io.mq.protocol.message.StoredMessage stored(String offsetMsgId) {
        long offset = MessageId.decode(offsetMsgId).commitLogOffset();
        return broker.broker().broker().runtime().store().lookMessageByOffset(offset).orElseThrow();
    }

    private static CompletableFuture<SendResult> sendAsync(
            org.apache.rocketmq.client.producer.DefaultMQProducer producer, Message message) throws Exception {
        var result = new CompletableFuture<SendResult>();
        producer.send(message, new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                result.complete(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static byte[] bigBody() {
        var body = new byte[16 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 7);
        }
        return body;
    }
}
