package io.mq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NameServerProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String CLUSTER_INFO =
            "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:20911\"},\"brokerName\":\"broker-a\"}}}";

    @Test
    void sendsAJsonGetBrokerClusterInfoFrameAndSeesTheRegisteredBroker() throws Exception {
        try (var server = new ServerSocket(0)) {
            var request = answerOnce(server, "{\"code\":0,\"flag\":1,\"opaque\":1}", CLUSTER_INFO);

            assertThat(NameServerProbe.lists("127.0.0.1", server.getLocalPort(), "127.0.0.1:20911", TIMEOUT)).isTrue();
            assertThat(request.get()).contains("\"code\":106").contains("\"flag\":0").contains("\"language\":\"JAVA\"");
        }
    }

    @Test
    void aBrokerNotInTheTableIsNotListed() throws Exception {
        try (var server = new ServerSocket(0)) {
            answerOnce(server, "{\"code\":0,\"flag\":1}", CLUSTER_INFO);

            assertThat(NameServerProbe.lists("127.0.0.1", server.getLocalPort(), "127.0.0.1:20915", TIMEOUT)).isFalse();
        }
    }

    @Test
    void anErrorResponseCountsAsNotAnswering() throws Exception {
        try (var server = new ServerSocket(0)) {
            answerOnce(server, "{\"code\":1,\"flag\":1,\"remark\":\"busy\"}", CLUSTER_INFO);

            assertThat(NameServerProbe.clusterInfo("127.0.0.1", server.getLocalPort(), TIMEOUT)).isEmpty();
        }
    }

    @Test
    void nobodyListeningCountsAsNotAnswering() throws Exception {
        int port;
        try (var server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }
        assertThat(NameServerProbe.clusterInfo("127.0.0.1", port, TIMEOUT)).isEmpty();
    }

    /** Reads one request frame, answers with the given header and body, returns the request's JSON header. */
    private static CompletableFuture<String> answerOnce(ServerSocket server, String header, String body) {
        return CompletableFuture.supplyAsync(() -> {
            try (var socket = server.accept()) {
                var in = new DataInputStream(socket.getInputStream());
                int total = in.readInt();
                int headerLength = in.readInt();
                var request = new byte[headerLength];
                in.readFully(request);
                in.readFully(new byte[total - 4 - headerLength]);
                var headerBytes = header.getBytes(StandardCharsets.UTF_8);
                var bodyBytes = body.getBytes(StandardCharsets.UTF_8);
                var out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(4 + headerBytes.length + bodyBytes.length);
                out.writeInt(headerBytes.length);
                out.write(headerBytes);
                out.write(bodyBytes);
                out.flush();
                return new String(request, StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
