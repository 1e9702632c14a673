package io.mq.client.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.OurBroker;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.client.admin.MqAdmin;
import io.mq.client.consumer.ConsumeFrom;
import io.mq.client.consumer.ConsumeResult;
import io.mq.client.consumer.ConsumerConfig;
import io.mq.client.consumer.MqPushConsumer;
import io.mq.client.producer.MqProducer;
import io.mq.client.producer.ProducerConfig;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request-reply through our broker: request, reply pushed back (326), timeouts, and a requester that is gone. */
class RequestReplyTest {

    private static final String TOPIC = "Requests";

    @TempDir
    Path dir;
    OurBroker broker;
    MqProducer requester;
    MqProducer responderProducer;

    @BeforeEach
    void start() {
        broker = OurBroker.start(dir);
        try (var admin = MqAdmin.start(broker.clientConfig("reply-admin"))) {
            admin.createTopic(broker.brokerAddress(), TOPIC, 2, MqAdmin.READ_WRITE);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> admin.route(TOPIC).subscribeQueues().size() == 2);
        }
        requester = MqProducer.start(broker.clientConfig("requester"), ProducerConfig.of("requesters"));
        responderProducer = MqProducer.start(broker.clientConfig("responder"), ProducerConfig.of("responders")
                // the broker answers a reply once the requester took it: allow for a loaded test machine
                .withSendTimeout(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {requester, responderProducer, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    @Test
    void theResponderReplyIsPushedToTheWaitingRequester() throws Exception {
        var replies = new CopyOnWriteArrayList<SendResult>();
        try (var responder = startResponder(replies)) {
            var reply = requester.request(Message.of(TOPIC, "t", "ping"), Duration.ofSeconds(20))
                    .get(25, TimeUnit.SECONDS);

            assertThat(reply.bodyAsString()).isEqualTo("pong:ping");
            assertThat(reply.topic()).isEqualTo(replyTopic());
            assertThat(reply.property(MessageProperties.CORRELATION_ID)).isNotBlank();
            assertThat(reply.property(MessageProperties.REPLY_TO_CLIENT)).isEqualTo(requester.client().clientId());
            assertThat(reply.property(MessageProperties.PUSH_REPLY_TIME)).isNotNull();
            assertThat(reply.property(MessageProperties.REPLY_MESSAGE_ARRIVE_TIME)).isNotNull();
            await().atMost(Duration.ofSeconds(5)).until(() -> !replies.isEmpty());
            assertThat(replies.get(0).status()).isEqualTo(SendStatus.SEND_OK);
        }
    }

    @Test
    void aRequestNobodyAnswersFailsWithATimeout() {
        var future = requester.request(Message.of(TOPIC, "t", "anyone?"), Duration.ofMillis(500));

        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(MqClientException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(MqClientException.TIMEOUT));
        await().atMost(Duration.ofSeconds(2)).until(() -> PendingReplies.waiting() == 0);
    }

    @Test
    void aReplyToARequesterThatIsGoneIsDroppedAndTheResponderToldSystemError() {
        var request = requestFrom("requester-that-left@1", "corr-1");

        assertThatThrownBy(() -> responderProducer.send(ReplyMessages.replyTo(request, bytes("late"))))
                .isInstanceOfSatisfying(MqClientException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR));
        // The copy is kept in the reply topic all the same, as RocketMQ keeps it.
        await().atMost(Duration.ofSeconds(5)).until(() -> broker.maxOffset(replyTopic(), 0) > 0);
    }

    @Test
    void aReplyNeedsTheClusterOfItsRequest() {
        var view = view(Map.of(MessageProperties.REPLY_TO_CLIENT, "x", MessageProperties.CORRELATION_ID, "c"));

        assertThat(ReplyMessages.isRequest(view)).isTrue();
        assertThatThrownBy(() -> ReplyMessages.replyTo(view, bytes("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(MessageProperties.CLUSTER);
    }

    private MqPushConsumer startResponder(List<SendResult> replies) {
        var config = ConsumerConfig.builder("responder-group").consumeFrom(ConsumeFrom.FIRST_OFFSET)
                .rebalanceInterval(Duration.ofSeconds(1)).offsetStoreDir(dir.resolve("offsets")).build();
        return MqPushConsumer.builder(broker.clientConfig("responder"), config).subscribe(TOPIC, "*")
                .listener((messages, context) -> {
                    for (var m : messages) {
                        if (ReplyMessages.isRequest(m)) {
                            replies.add(responderProducer.send(ReplyMessages.replyTo(m,
                                    bytes("pong:" + m.bodyAsString()))));
                        }
                    }
                    return ConsumeResult.CONSUME_SUCCESS;
                }).start();
    }

    private String replyTopic() {
        return broker.embedded().broker().runtime().config().clusterName() + "_REPLY_TOPIC";
    }

    private MessageView requestFrom(String requesterId, String correlationId) {
        return view(Map.of(MessageProperties.CLUSTER, broker.embedded().broker().runtime().config().clusterName(),
                MessageProperties.REPLY_TO_CLIENT, requesterId, MessageProperties.CORRELATION_ID, correlationId,
                MessageProperties.TTL, "3000"));
    }

    private static MessageView view(Map<String, String> properties) {
        return new MessageView(TOPIC, bytes("q"), properties, "id", null, null, 0, 0, 0, 0, 0, 0, null, 0, null, 0, 0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
