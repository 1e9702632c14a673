package io.mq.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyRemotingClientTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        server = new NettyRemotingServer(ServerConfig.ofPort(0).withBindAddress("127.0.0.1"));
        server.registerProcessor(RequestCode.GET_ROUTEINFO_BY_TOPIC, (channel, request) ->
                RemotingCommand.response(ResponseCode.SUCCESS, request.ext("topic"))
                        .body(("echo:" + request.ext("topic")).getBytes(StandardCharsets.UTF_8)), executor);
        server.registerProcessor(RequestCode.QUERY_DATA_VERSION, (channel, request) -> null, executor); // never answers
        server.registerProcessor(RequestCode.UNREGISTER_BROKER, (channel, request) -> {
            channel.close(); // the peer goes away without answering
            return null;
        }, executor);
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
    void sharesOneConnectionAmongConcurrentRequests() {
        var callers = Executors.newFixedThreadPool(16); // not the server's pool: blocked callers would starve it
        var futures = new ArrayList<CompletableFuture<RemotingCommand>>();
        for (int i = 0; i < 50; i++) {
            var request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null).putExt("topic", "t" + i);
            futures.add(CompletableFuture.supplyAsync(() -> client.invokeSync(address, request, 5000), callers));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(futures.get(i)).succeedsWithin(Duration.ofSeconds(10))
                    .extracting(RemotingCommand::remark).isEqualTo("t" + i);
        }
        assertThat(server.connectionCount()).isEqualTo(1);
        callers.shutdown();
    }

    @Test
    void aReaderReadsTheBodyFromTheFrameWhichIsReleasedAfterIt() {
        var frames = new ArrayList<ByteBuf>();
        var read = client.invokeAsync(address, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null)
                .putExt("topic", "T1"), 5000, response -> {
                    frames.add(response.bodyBuf());
                    return response.bodyBuf().toString(StandardCharsets.UTF_8) + "/" + response.remark();
                });
        assertThat(read).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("echo:T1/T1");
        assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.refCnt()).isZero());
    }

    @Test
    void aFailingReaderFailsTheFutureAndStillReleasesTheFrame() {
        var frames = new ArrayList<ByteBuf>();
        var read = client.invokeAsync(address, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null)
                .putExt("topic", "T2"), 5000, response -> {
                    frames.add(response.bodyBuf());
                    throw new IllegalStateException("cannot read " + response.remark());
                });
        assertThat(read).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withRootCauseInstanceOf(IllegalStateException.class).withMessageContaining("cannot read T2");
        assertThat(frames).singleElement().satisfies(frame -> assertThat(frame.refCnt()).isZero());
    }

    @Test
    void requestsWithoutReaderStillGetTheBodyCopied() {
        var response = client.invokeAsync(address, RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null)
                .putExt("topic", "T3"), 5000).join();
        assertThat(response.bodyBuf()).isNull();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("echo:T3");
    }

    @Test
    void namesTheAddressWhenItCannotConnect() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = "127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> client.invokeSync(nowhere, RemotingCommand.request(105, null), 3000))
                .isInstanceOf(RemotingException.class)
                .hasMessageStartingWith("connect to " + nowhere + " failed")
                .extracting(e -> ((RemotingException) e).address()).isEqualTo(nowhere);
    }

    @Test
    void rejectsAnAddressWithoutPort() {
        assertThatThrownBy(() -> client.invokeSync("localhost", RemotingCommand.request(105, null), 3000))
                .isInstanceOf(RemotingException.class)
                .hasMessageContaining("not a host:port address: localhost");
    }

    @Test
    void timesOutARequestThatIsNeverAnswered() {
        var request = RemotingCommand.request(RequestCode.QUERY_DATA_VERSION, null);

        assertThatThrownBy(() -> client.invokeSync(address, request, 300))
                .isInstanceOf(RemotingTimeoutException.class)
                .hasMessageStartingWith("timeout after 300 ms waiting for response to code 322");
        assertThat(client.invokeSync(address, RemotingCommand.request(105, null).putExt("topic", "x"), 3000).remark())
                .as("the connection survives a timeout").isEqualTo("x");
    }

    @Test
    void failsWaitingRequestsAtOnceWhenTheConnectionCloses() {
        var neverAnswered = client.invokeAsync(address, RemotingCommand.request(RequestCode.QUERY_DATA_VERSION, null), 60_000);
        var closer = client.invokeAsync(address, RemotingCommand.request(RequestCode.UNREGISTER_BROKER, null), 60_000);

        assertThat(neverAnswered).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(RemotingException.class).withMessageContaining("closed");
        assertThat(closer).failsWithin(Duration.ofSeconds(5));
    }

    @Test
    void reconnectsOnTheNextRequestAfterTheConnectionClosed() {
        assertThat(client.invokeAsync(address, RemotingCommand.request(RequestCode.UNREGISTER_BROKER, null), 5000))
                .failsWithin(Duration.ofSeconds(5));

        var response = client.invokeSync(address, RemotingCommand.request(105, null).putExt("topic", "again"), 3000);

        assertThat(response.remark()).isEqualTo("again");
    }

    @Test
    void closeChannelDropsTheConnectionAndTheNextRequestOpensANewOne() {
        var ports = new ArrayList<String>();
        server.registerProcessor(RequestCode.HEART_BEAT, (channel, request) -> {
            ports.add(channel.remoteAddress());
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }, executor);
        client.invokeSync(address, RemotingCommand.request(RequestCode.HEART_BEAT, null), 3000);

        client.closeChannel(address);
        client.invokeSync(address, RemotingCommand.request(RequestCode.HEART_BEAT, null), 3000);

        assertThat(ports).hasSize(2);
        assertThat(ports.get(0)).isNotEqualTo(ports.get(1));
    }

    @Test
    void completesAsyncCallbacksOffTheEventLoop() {
        var thread = new AtomicReference<String>();

        var done = client.invokeAsync(address, RemotingCommand.request(105, null).putExt("topic", "t"), 3000)
                .thenAccept(response -> thread.set(Thread.currentThread().getName()));

        assertThat(done).succeedsWithin(Duration.ofSeconds(5));
        assertThat(thread.get()).doesNotContain("-io-");
    }

    @Test
    void deliversAOneWayRequest() {
        var received = new AtomicInteger();
        server.registerProcessor(RequestCode.UNREGISTER_CLIENT, (channel, request) -> {
            assertThat(request.isOneway()).isTrue();
            received.incrementAndGet();
            return null;
        }, executor);

        client.invokeOneway(address, RemotingCommand.request(RequestCode.UNREGISTER_CLIENT, null));

        await().atMost(Duration.ofSeconds(5)).until(() -> received.get() == 1);
    }

    @Test
    void tellsItsListenersWhenAConnectionOpensAndCloses() {
        var events = new java.util.concurrent.CopyOnWriteArrayList<String>();
        client.registerChannelEventListener(new ChannelEventListener() {
            @Override
            public void onConnect(RemoteChannel channel) {
                events.add("connect " + channel.remoteAddress());
            }

            @Override
            public void onDisconnect(RemoteChannel channel) {
                events.add("disconnect " + channel.remoteAddress());
            }
        });

        client.invokeSync(address, RemotingCommand.request(105, null), 3000);
        client.closeChannel(address);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).containsExactly("connect " + address, "disconnect " + address);
    }

    @Test
    void refusesRequestsOnceClosed() {
        client.close();

        assertThatThrownBy(() -> client.invokeSync(address, RemotingCommand.request(105, null), 3000))
                .isInstanceOf(RemotingException.class)
                .hasMessageContaining("client closed");
    }
}
