package io.mq.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.remoting.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NettyRemotingServerTest {

    private static final int ECHO = 9001;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        server = new NettyRemotingServer(ServerConfig.ofPort(0).withBindAddress("127.0.0.1").withMaxFrameLength(1024 * 1024));
        server.registerProcessor(ECHO, (channel, request) -> RemotingCommand.response(ResponseCode.SUCCESS,
                Thread.currentThread().getName()).extFields(request.extFields()).body(request.body()), executor);
        address = "127.0.0.1:" + server.start();
        client = new NettyRemotingClient(ClientConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void answersThroughTheRegisteredProcessorOffTheEventLoop() {
        var request = RemotingCommand.request(ECHO, null).putExt("k", "v").body(new byte[] {1, 2});

        var response = client.invokeSync(address, request, 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.opaque()).isEqualTo(request.opaque());
        assertThat(response.ext("k")).isEqualTo("v");
        assertThat(response.body()).containsExactly(1, 2);
        assertThat(response.remark()).as("processor thread").doesNotContain("remoting-server-io");
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void answersInTheSerializationOfTheRequest(SerializeType type) {
        try (var raw = new RawConnection(server.port())) {
            var request = RemotingCommand.request(ECHO, null).putExt("topic", "T").serializeType(type);

            var frame = raw.send(request).readFrameBytes();

            assertThat(frame[4]).as("serialization type byte").isEqualTo(type.code());
            var response = io.mq.protocol.remoting.RemotingCommandCodec.decode(frame);
            assertThat(response.isResponse()).isTrue();
            assertThat(response.opaque()).isEqualTo(request.opaque());
            assertThat(response.ext("topic")).isEqualTo("T");
        }
    }

    @Test
    void answersAnUnknownCodeWithRequestCodeNotSupported() {
        var response = client.invokeSync(address, RemotingCommand.request(4242, null), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).contains("4242");
    }

    @Test
    void turnsAProtocolExceptionIntoItsResponseCode() {
        server.registerProcessor(RequestCode.PULL_MESSAGE, (channel, request) -> {
            throw new ProtocolException(ResponseCode.SUBSCRIPTION_NOT_EXIST, "no subscription for group g");
        }, executor);

        var response = client.invokeSync(address, RemotingCommand.request(RequestCode.PULL_MESSAGE, null), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);
        assertThat(response.remark()).isEqualTo("no subscription for group g");
    }

    @Test
    void turnsAnyOtherExceptionIntoSystemError() {
        server.registerProcessor(RequestCode.PULL_MESSAGE, (channel, request) -> {
            throw new IllegalStateException("store is broken");
        }, executor);

        var response = client.invokeSync(address, RemotingCommand.request(RequestCode.PULL_MESSAGE, null), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("store is broken");
    }

    @Test
    void answersSystemBusyWhenTheExecutorRejects() {
        server.registerProcessor(RequestCode.SEND_MESSAGE, (channel, request) -> RemotingCommand.response(0, null),
                new RejectingExecutor());

        var response = client.invokeSync(address, RemotingCommand.request(RequestCode.SEND_MESSAGE, null), 3000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(response.remark()).isEqualTo("too many requests");
    }

    @Test
    void sendsNoResponseToAOneWayRequest() {
        var processed = new AtomicInteger();
        server.registerProcessor(RequestCode.UNREGISTER_CLIENT, (channel, request) -> {
            processed.incrementAndGet();
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }, executor);
        try (var raw = new RawConnection(server.port())) {
            raw.send(RemotingCommand.request(RequestCode.UNREGISTER_CLIENT, null).markOneway());
            raw.send(RemotingCommand.request(4243, null).markOneway()); // unsupported and one-way: silence too
            await().atMost(Duration.ofSeconds(5)).until(() -> processed.get() == 1);
            var request = RemotingCommand.request(ECHO, null);

            var first = raw.send(request).readCommand();

            assertThat(first.opaque()).as("the first frame back answers the two-way request").isEqualTo(request.opaque());
        }
    }

    @Test
    void lets_aProcessorAnswerLaterThroughTheChannel() {
        var held = new AtomicReference<Runnable>();
        server.registerProcessor(RequestCode.PULL_MESSAGE, (channel, request) -> {
            held.set(() -> channel.reply(request, RemotingCommand.response(ResponseCode.PULL_NOT_FOUND, "held")));
            return null; // long polling: answered when a message arrives or the hold ends
        }, executor);

        var future = client.invokeAsync(address, RemotingCommand.request(RequestCode.PULL_MESSAGE, null), 5000);
        await().atMost(Duration.ofSeconds(5)).until(() -> held.get() != null);
        assertThat(future).isNotDone();
        held.get().run();

        assertThat(future).succeedsWithin(Duration.ofSeconds(5))
                .extracting(RemotingCommand::code).isEqualTo(ResponseCode.PULL_NOT_FOUND);
    }

    @Test
    void writesABufferBodyAndReleasesIt() {
        var payload = new byte[3 * 1024 * 1024 / 4];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        var buffers = new CopyOnWriteArrayList<ByteBuf>();
        server.registerProcessor(RequestCode.PULL_MESSAGE, (channel, request) -> {
            var body = Unpooled.directBuffer(payload.length).writeBytes(payload);
            buffers.add(body);
            return RemotingCommand.response(ResponseCode.SUCCESS, null).bodyBuf(body);
        }, executor);

        var response = client.invokeSync(address, RemotingCommand.request(RequestCode.PULL_MESSAGE, null), 5000);

        assertThat(response.body()).isEqualTo(payload);
        await().atMost(Duration.ofSeconds(5)).until(() -> buffers.get(0).refCnt() == 0);
    }

    static Stream<Arguments> malformedInputs() {
        var json = "{\"code\":10,".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("garbage bytes", "this is not a frame at all, just text".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("length over the maximum", ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE - 8).putInt(0).array()),
                Arguments.of("negative length", ByteBuffer.allocate(8).putInt(-5).putInt(0).array()),
                Arguments.of("header length larger than the frame", ByteBuffer.allocate(12).putInt(8).putInt(500).putInt(0).array()),
                Arguments.of("unknown serialization type", ByteBuffer.allocate(10).putInt(6).putInt((5 << 24) | 2).put((byte) '{').put((byte) '}').array()),
                Arguments.of("malformed JSON header", ByteBuffer.allocate(8 + json.length).putInt(4 + json.length).putInt(json.length).put(json).array()),
                Arguments.of("binary header cut short", ByteBuffer.allocate(11).putInt(7).putInt((1 << 24) | 3).put(new byte[3]).array()),
                Arguments.of("TLS ClientHello", new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void closesOnlyTheConnectionThatSentAMalformedFrame(String what, byte[] bytes) {
        assertThat(client.invokeSync(address, RemotingCommand.request(ECHO, null), 3000).code()).isZero();
        try (var raw = new RawConnection(server.port())) {
            raw.send(bytes);

            assertThat(raw.closedByPeer()).as("connection closed after " + what).isTrue();
        }
        assertThat(client.invokeSync(address, RemotingCommand.request(ECHO, null), 3000).code())
                .as("the other connection still works").isZero();
    }

    @Test
    void dropsATruncatedFrameWhenThePeerCloses() {
        var disconnected = new AtomicInteger();
        server.registerChannelEventListener(channel -> disconnected.incrementAndGet());
        var whole = io.mq.protocol.remoting.RemotingCommandCodec.encode(RemotingCommand.request(ECHO, null));
        try (var raw = new RawConnection(server.port())) {
            raw.send(java.util.Arrays.copyOf(whole, whole.length - 3));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> disconnected.get() == 1);
        assertThat(client.invokeSync(address, RemotingCommand.request(ECHO, null), 3000).code()).isZero();
    }

    @Test
    void closesAnIdleConnectionAndTellsTheListeners() {
        var idleServer = new NettyRemotingServer(ServerConfig.ofPort(0).withBindAddress("127.0.0.1")
                .withIdleTimeout(Duration.ofMillis(300)));
        var events = new CopyOnWriteArrayList<String>();
        idleServer.registerChannelEventListener(new ChannelEventListener() {
            @Override
            public void onConnect(RemoteChannel channel) {
                events.add("connect " + channel.remoteAddress());
            }

            @Override
            public void onDisconnect(RemoteChannel channel) {
                events.add("disconnect " + channel.remoteAddress());
            }
        });
        try (idleServer; var raw = new RawConnection(idleServer.start())) {
            assertThat(raw.closedByPeer()).isTrue();

            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
            assertThat(events.get(0)).startsWith("connect 127.0.0.1:");
            assertThat(events.get(1)).isEqualTo("dis" + events.get(0));
        }
    }

    @Test
    void sendsARequestToTheClientAndGetsItsAnswer() {
        var clientChannel = new AtomicReference<RemoteChannel>();
        server.registerProcessor(RequestCode.HEART_BEAT, (channel, request) -> {
            clientChannel.set(channel);
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }, executor);
        client.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, (channel, request) ->
                RemotingCommand.response(ResponseCode.SUCCESS, "checked " + request.ext("transactionId")), executor);
        client.invokeSync(address, RemotingCommand.request(RequestCode.HEART_BEAT, null), 3000);

        var check = RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE, null).putExt("transactionId", "tx-1");
        var answer = clientChannel.get().invoke(check, 3000);

        assertThat(answer).succeedsWithin(Duration.ofSeconds(5))
                .extracting(RemotingCommand::remark).isEqualTo("checked tx-1");
    }

    @Test
    void timesOutARequestToTheClientThatIsNeverAnswered() {
        var clientChannel = new AtomicReference<RemoteChannel>();
        server.registerProcessor(RequestCode.HEART_BEAT, (channel, request) -> {
            clientChannel.set(channel);
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }, executor);
        client.registerProcessor(RequestCode.GET_CONSUMER_RUNNING_INFO, (channel, request) -> null, executor);
        client.invokeSync(address, RemotingCommand.request(RequestCode.HEART_BEAT, null), 3000);

        var answer = clientChannel.get().invoke(RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO, null), 200);

        assertThat(answer).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(RemotingTimeoutException.class)
                .withMessageContaining("timeout after 200 ms waiting for response to code 307");
    }

    /** An executor that is always full. */
    private static final class RejectingExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            throw new RejectedExecutionException("full");
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
