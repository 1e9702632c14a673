package io.mq.client.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.consumer.OrderlyResult;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.message.MessageSysFlag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every way of sending, read back from the broker under test and looked up; ordered sends consumed in order. */
abstract class SendScenarios {

    /** sysFlag bits of a zlib body as the 5.x client sets them. */
    private static final int ZLIB = MessageSysFlag.COMPRESSED | (3 << 8);

    private final ScenarioFixture fx;

    SendScenarios(ScenarioFixture fx) {
        this.fx = fx;
    }

    @Test
    void syncAsyncOnewayCompressedAndBatchSendsAreStoredWithBodyTagsKeysAndProperties() {
        var topic = fx.topic("Sends", 1);
        var big = new byte[16 * 1024];
        Arrays.fill(big, (byte) 'q');
        var producer = fx.producer;

        var sync = producer.send(Message.builder(topic).tags("S").keys("k-sync", "k-two").property("p", "v")
                .body("sync").build());
        var async = producer.sendAsync(Message.builder(topic).tags("A").keys("k-async").body("async").build()).join();
        producer.sendOneway(Message.builder(topic).tags("O").property("oneway", "yes").body("oneway").build());
        var compressed = producer.send(Message.builder(topic).tags("Z").body(big).build());
        var batch = producer.send(List.of(Message.builder(topic).tags("B").keys("kb1").body("b1").build(),
                Message.builder(topic).tags("B").property("item", "2").body("b2").build()));

        assertThat(List.of(sync, async, compressed, batch)).extracting(SendResult::status)
                .containsOnly(SendStatus.SEND_OK);
        assertThat(batch.msgId().split(",")).hasSize(2);
        var byBody = fx.pullAll(topic, 0, 6).stream()
                .collect(Collectors.toMap(m -> m.body().length > 100 ? "big" : m.bodyAsString(), Function.identity()));
        assertThat(byBody).containsOnlyKeys("sync", "async", "oneway", "big", "b1", "b2");

        var s = byBody.get("sync");
        assertThat(s.msgId()).isEqualTo(sync.msgId());
        assertThat(s.topic()).isEqualTo(topic);
        assertThat(s.tags()).isEqualTo("S");
        assertThat(s.keys()).containsExactly("k-sync", "k-two");
        assertThat(s.property("p")).isEqualTo("v");
        assertThat(byBody.get("async").msgId()).isEqualTo(async.msgId());
        assertThat(byBody.get("async").keys()).containsExactly("k-async");
        assertThat(byBody.get("oneway").property("oneway")).isEqualTo("yes");
        assertThat(byBody.get("big").msgId()).isEqualTo(compressed.msgId());
        assertThat(byBody.get("big").body()).isEqualTo(big);
        assertThat(byBody.get("big").sysFlag() & ZLIB).as("stored compressed").isEqualTo(ZLIB);
        assertThat(List.of(byBody.get("b1").msgId(), byBody.get("b2").msgId()))
                .containsExactly(batch.msgId().split(","));
        assertThat(byBody.get("b1").keys()).containsExactly("kb1");
        assertThat(byBody.get("b2").property("item")).isEqualTo("2");
        assertThat(byBody.get("b2").tags()).isEqualTo("B");

        // Looked up by id and by key, as an operator would.
        assertThat(fx.admin.viewMessage(sync.offsetMsgId()).bodyAsString()).isEqualTo("sync");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(fx.admin.queryMessageByKey(topic, "k-two", 32, 0, Long.MAX_VALUE))
                        .extracting(MessageView::msgId).containsExactly(sync.msgId()));
    }

    @Test
    void orderedSendsPutEachKeyOnOneQueueAndAnOrderlyConsumerSeesEachKeyInSendOrder() {
        var topic = fx.topic("Ordered", 4);
        Map<String, List<MessageQueue>> queuesByKey = new ConcurrentHashMap<>();
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 4; k++) {
                var sent = fx.producer.sendOrdered(Message.of(topic, "t", "key" + k + ":" + i), "key" + k);
                queuesByKey.computeIfAbsent("key" + k, x -> new ArrayList<>()).add(sent.messageQueue());
            }
        }
        queuesByKey.forEach((key, queues) -> assertThat(queues.stream().distinct()).as(key).hasSize(1));

        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        try (var ignored = MqPushConsumer.builder(fx.client("orderly"), fx.group("orderly").build())
                .subscribe(topic, "*").orderlyListener((messages, context) -> {
                    for (MessageView m : messages) {
                        var parts = m.bodyAsString().split(":");
                        seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>())
                                .add(Integer.parseInt(parts[1]));
                    }
                    return OrderlyResult.SUCCESS;
                }).start()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> seen.values().stream().mapToInt(List::size).sum() >= 40);
        }
        assertThat(seen).hasSize(4);
        seen.forEach((key, order) -> assertThat(order).as(key).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }
}
