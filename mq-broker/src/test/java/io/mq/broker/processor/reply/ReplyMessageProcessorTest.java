package io.mq.broker.processor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.ProducerData;
import io.mq.protocol.header.ReplyMessageRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SEND_REPLY_MESSAGE over TCP: the broker pushes the reply (326) to the requester's connection, found by client id. */
class ReplyMessageProcessorTest {

    private static final String REQUESTER = "127.0.0.1@requester";

    @TempDir
    Path dir;
    EmbeddedBroker broker;
    NettyRemotingClient requester;
    NettyRemotingClient responder;
    ExecutorService requesterThreads;
    final CompletableFuture<RemotingCommand> pushed = new CompletableFuture<>();
    volatile int requesterAnswer = ResponseCode.SUCCESS;

    @BeforeEach
    void start() {
        broker = EmbeddedBroker.start(dir);
        requesterThreads = Executors.newSingleThreadExecutor();
        requester = new NettyRemotingClient();
        requester.registerProcessor(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT, (channel, request) -> {
            pushed.complete(request);
            return RemotingCommand.response(requesterAnswer, null);
        }, requesterThreads);
        responder = new NettyRemotingClient();
    }

    @AfterEach
    void stop() {
        responder.close();
        requester.close();
        requesterThreads.shutdownNow();
        broker.close();
    }

    @Test
    void aReplyIsPushedToTheConnectedRequesterAndTheResponderToldSuccess() throws Exception {
        joinAsProducer();

        var response = sendReply(RequestCode.SEND_REPLY_MESSAGE_V2, replyProperties(REQUESTER, "c-1"), "pong");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        var push = pushed.get(5, TimeUnit.SECONDS);
        var header = ReplyMessageRequestHeader.from(push);
        assertThat(header.topic()).isEqualTo(replyTopic());
        assertThat(header.producerGroup()).isEqualTo("responders");
        assertThat(header.bornHost()).isNotBlank();
        assertThat(header.storeHost()).isNotBlank();
        var properties = MessageProperties.decode(header.properties());
        assertThat(properties).containsEntry(MessageProperties.CORRELATION_ID, "c-1")
                .containsKey(MessageProperties.PUSH_REPLY_TIME);
        assertThat(new String(push.body(), StandardCharsets.UTF_8)).isEqualTo("pong");
    }

    @Test
    void theLongHeaderFormIsServedToo() throws Exception {
        joinAsProducer();

        var response = sendReply(RequestCode.SEND_REPLY_MESSAGE, replyProperties(REQUESTER, "c-2"), "v1");

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(new String(pushed.get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("v1");
    }

    @Test
    void aReplyToARequesterThatIsNotConnectedIsDroppedWithSystemError() {
        var response = sendReply(RequestCode.SEND_REPLY_MESSAGE_V2, replyProperties("127.0.0.1@gone", "c-3"), "late");

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("127.0.0.1@gone").contains("not found");
    }

    @Test
    void aRequesterRefusingThePushMeansSystemErrorForTheResponder() {
        joinAsProducer();
        requesterAnswer = ResponseCode.SYSTEM_ERROR;

        var response = sendReply(RequestCode.SEND_REPLY_MESSAGE_V2, replyProperties(REQUESTER, "c-4"), "x");

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains(REQUESTER);
    }

    @Test
    void aReplyWithoutReplyToClientIsRefused() {
        var properties = replyProperties(REQUESTER, "c-5");
        properties.remove(MessageProperties.REPLY_TO_CLIENT);

        var response = sendReply(RequestCode.SEND_REPLY_MESSAGE_V2, properties, "x");

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains(MessageProperties.REPLY_TO_CLIENT);
    }

    private void joinAsProducer() {
        var heartbeat = new HeartbeatData(REQUESTER, Set.of(new ProducerData("requesters")), Set.of());
        var response = requester.invokeSync(broker.brokerAddress(),
                RemotingCommand.request(RequestCode.HEART_BEAT, null).body(heartbeat.encode()), 3_000);
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
    }

    private RemotingCommand sendReply(int code, Map<String, String> properties, String body) {
        var header = new SendMessageRequestHeader("responders", replyTopic(), "TBW102", 4, -1, 0,
                System.currentTimeMillis(), 0, MessageProperties.encode(properties), 0, false, null, false, null);
        var request = code == RequestCode.SEND_REPLY_MESSAGE_V2
                ? RemotingCommand.request(code, header.toV2())
                : RemotingCommand.request(code, header);
        return responder.invokeSync(broker.brokerAddress(), request.body(body.getBytes(StandardCharsets.UTF_8)),
                5_000);
    }

    private Map<String, String> replyProperties(String requester, String correlationId) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.MESSAGE_TYPE, "reply");
        properties.put(MessageProperties.CORRELATION_ID, correlationId);
        properties.put(MessageProperties.REPLY_TO_CLIENT, requester);
        properties.put(MessageProperties.TTL, "3000");
        return properties;
    }

    private String replyTopic() {
        return broker.broker().runtime().config().clusterName() + "_REPLY_TOPIC";
    }
}
