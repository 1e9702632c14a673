package io.mq.broker.processor.pull;

import static org.awaitility.Awaitility.await;

import io.mq.broker.BrokerConfig;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.store.AppendResult;
import io.mq.broker.topic.Perm;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * An embedded broker and a client talking to it over TCP, with helpers to put messages straight into the store and
 * to build pull requests. Shared by the pull and offset processor tests.
 */
public final class PullFixture implements AutoCloseable {

    public static final String GROUP = "pull-test-group";
    public static final int QUEUES = 4;
    static final long TIMEOUT_MILLIS = 5_000;
    private static final InetSocketAddress BORN_HOST = new InetSocketAddress("127.0.0.1", 50123);

    private final EmbeddedBroker broker;
    private final NettyRemotingClient client = new NettyRemotingClient();

    private PullFixture(EmbeddedBroker broker) {
        this.broker = broker;
    }

    public static PullFixture start(Path storeDir) {
        return new PullFixture(EmbeddedBroker.start(storeDir));
    }

    public static PullFixture start(Path storeDir, UnaryOperator<BrokerConfig> brokerCustomizer) {
        return new PullFixture(EmbeddedBroker.start(storeDir, brokerCustomizer, s -> s));
    }

    /** The config with another cap on how long a pull is held. */
    public static BrokerConfig withLongPollingMaxHold(BrokerConfig c, Duration maxHold) {
        return new BrokerConfig(c.clusterName(), c.brokerName(), c.brokerIp(), c.port(), c.nameServers(),
                c.autoCreateTopic(), c.defaultTopicQueueNums(), c.maxMessageSize(), c.maxFrameLength(),
                c.registerInterval(), maxHold, c.messageDelayLevel());
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public void createTopic(String topic) {
        broker.broker().runtime().topics().createIfAbsent(topic, QUEUES, Perm.READ_WRITE, 0);
    }

    /** Appends one message and waits until a pull can see it. */
    public AppendResult append(String topic, int queueId, String body, String tags, Map<String, String> extra) {
        var properties = new LinkedHashMap<String, String>();
        if (tags != null) {
            properties.put(MessageProperties.TAGS, tags);
        }
        properties.putAll(extra);
        var draft = MessageDraft.of(topic, queueId, body.getBytes(StandardCharsets.UTF_8), properties, BORN_HOST);
        var store = broker.broker().runtime().store();
        var result = store.append(draft).join();
        if (!result.isOk()) {
            throw new IllegalStateException("append failed: " + result);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> store.maxOffset(topic, queueId) > result.queueOffset());
        return result;
    }

    public AppendResult append(String topic, int queueId, String body) {
        return append(topic, queueId, body, null, Map.of());
    }

    public RemotingCommand invoke(RemotingCommand request) {
        return client.invokeSync(broker.brokerAddress(), request, TIMEOUT_MILLIS);
    }

    public void invokeOneway(RemotingCommand request) {
        client.invokeOneway(broker.brokerAddress(), request.markOneway());
    }

    public CompletableFuture<RemotingCommand> invokeAsync(RemotingCommand request, long timeoutMillis) {
        return client.invokeAsync(broker.brokerAddress(), request, timeoutMillis);
    }

    /** A PULL_MESSAGE request carrying its subscription (as a pull or lite-pull consumer sends it). */
    public static RemotingCommand pull(String topic, int queueId, long offset, int maxMsgNums, int extraFlags,
            long suspendMillis, String expressionType, String subscription) {
        int flags = extraFlags | (subscription == null ? 0 : PullMessageRequestHeader.FLAG_SUBSCRIPTION);
        var header = new PullMessageRequestHeader(GROUP, topic, queueId, offset, maxMsgNums, flags, 0,
                suspendMillis, subscription, 0, expressionType, null, null, null, null);
        return RemotingCommand.request(RequestCode.PULL_MESSAGE, header);
    }

    public static RemotingCommand pull(String topic, int queueId, long offset) {
        return pull(topic, queueId, offset, 32, 0, 0, "TAG", "*");
    }

    public static List<StoredMessage> messages(RemotingCommand response) {
        return MessageCodec.decodeAll(ByteBuffer.wrap(response.body()), true);
    }

    public static List<String> bodies(RemotingCommand response) {
        return messages(response).stream().map(m -> new String(m.body(), StandardCharsets.UTF_8)).toList();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            broker.close();
        }
    }
}
