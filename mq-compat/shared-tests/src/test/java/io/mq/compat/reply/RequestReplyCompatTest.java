package io.mq.compat.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.compat.CompatBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.RequestTimeoutException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official request-reply against our broker: {@code DefaultMQProducer.request} waits while a responder answers
 * with {@code MessageUtil.createReplyMessage}; the broker pushes the reply to the requester (326).
 */
class RequestReplyCompatTest {

    private static final int SYSTEM_ERROR = 1;

    @RegisterExtension
    static final CompatBroker mq = CompatBroker.create();

    @Test
    void aSyncRequestReturnsTheResponderReply() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("request"), 2);
        startResponder(topic);

        Message reply = mq.producer().request(message(topic, "ping"), 20_000);

        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("pong:ping");
        assertThat(reply.getTopic()).endsWith("_REPLY_TOPIC");
        assertThat(reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID)).isNotBlank();
    }

    @Test
    void anAsyncRequestCallbackGetsTheReply() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("request-async"), 2);
        startResponder(topic);
        var outcome = new CompletableFuture<Message>();

        mq.producer().request(message(topic, "async"), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                // The official client calls onSuccess(null) once the request is sent, then again with the reply.
                if (message != null) {
                    outcome.complete(message);
                }
            }

            @Override
            public void onException(Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, 20_000);

        var reply = outcome.get(25, TimeUnit.SECONDS);
        assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).isEqualTo("pong:async");
    }

    @Test
    void aRequestNobodyAnswersTimesOut() throws Exception {
        var topic = mq.createTopic(CompatBroker.unique("request-unanswered"), 1);
        var producer = mq.producer();

        assertThatThrownBy(() -> producer.request(message(topic, "anyone?"), 1_000))
                .isInstanceOf(RequestTimeoutException.class);
    }

    @Test
    void aReplyToARequesterThatIsGoneIsRefusedWithSystemError() throws Exception {
        var request = new Message("any", "q".getBytes(StandardCharsets.UTF_8));
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_CLUSTER,
                mq.broker().broker().runtime().config().clusterName());
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, "127.0.0.1@gone");
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_CORRELATION_ID, "corr-gone");
        MessageAccessor.putProperty(request, MessageConst.PROPERTY_MESSAGE_TTL, "3000");
        var producer = mq.producer();
        producer.setRetryTimesWhenSendFailed(0);

        // SYSTEM_ERROR is one of the codes the client retries, so it reports the broker's answer as the cause.
        assertThatThrownBy(() -> producer.send(MessageUtil.createReplyMessage(request, new byte[] {1})))
                .satisfies(e -> assertThat(brokerCode(e)).isEqualTo(SYSTEM_ERROR));
    }

    private static int brokerCode(Throwable thrown) {
        for (var e = thrown; e != null; e = e.getCause()) {
            if (e instanceof MQBrokerException broker) {
                return broker.getResponseCode();
            }
        }
        throw new AssertionError("no broker answer in " + thrown, thrown);
    }

    private static void startResponder(String topic) {
        DefaultMQProducer replier = mq.producer();
        mq.clients().pushConsumer(CompatBroker.unique("responder"), topic, "*",
                (MessageListenerConcurrently) (messages, context) -> {
                    for (var m : messages) {
                        try {
                            var body = "pong:" + new String(m.getBody(), StandardCharsets.UTF_8);
                            replier.send(MessageUtil.createReplyMessage(m, body.getBytes(StandardCharsets.UTF_8)));
                        } catch (Exception e) {
                            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                        }
                    }
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }, consumer -> { });
    }

    private static Message message(String topic, String body) {
        return new Message(topic, "TagA", body.getBytes(StandardCharsets.UTF_8));
    }
}
