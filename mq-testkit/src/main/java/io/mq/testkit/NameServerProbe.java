package io.mq.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Asks a name server for its cluster info (GET_BROKER_CLUSTER_INFO, code 106) over a hand-written
 * JSON-header remoting frame. Deliberately independent of mq-protocol and of the official client,
 * so it can tell whether a real broker has registered without putting either on this module's classpath.
 */
final class NameServerProbe {

    private static final int GET_BROKER_CLUSTER_INFO = 106;
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final Pattern RESPONSE_CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");
    private static final AtomicInteger OPAQUE = new AtomicInteger();

    private NameServerProbe() {
    }

    /** The cluster-info body (fastjson text), or empty if the name server is not answering successfully yet. */
    static Optional<String> clusterInfo(String host, int port, Duration timeout) {
        int millis = (int) timeout.toMillis();
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            writeRequest(new DataOutputStream(socket.getOutputStream()));
            return readSuccessBody(new DataInputStream(socket.getInputStream()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True once the name server lists {@code brokerAddress} (host:port) in its broker table. */
    static boolean lists(String host, int port, String brokerAddress, Duration timeout) {
        return clusterInfo(host, port, timeout).map(body -> body.contains('"' + brokerAddress + '"')).orElse(false);
    }

    private static void writeRequest(DataOutputStream out) throws IOException {
        var header = ("{\"code\":" + GET_BROKER_CLUSTER_INFO + ",\"language\":\"JAVA\",\"version\":0,\"opaque\":"
                + OPAQUE.incrementAndGet() + ",\"flag\":0,\"extFields\":{},\"serializeTypeCurrentRPC\":\"JSON\"}")
                .getBytes(StandardCharsets.UTF_8);
        out.writeInt(4 + header.length); // total length: header-length field + header, no body
        out.writeInt(header.length);     // high byte 0 = JSON serialization
        out.write(header);
        out.flush();
    }

    private static Optional<String> readSuccessBody(DataInputStream in) throws IOException {
        int total = in.readInt();
        int headerLength = in.readInt() & 0xFFFFFF;
        if (total < 4 + headerLength || total > MAX_FRAME) {
            return Optional.empty();
        }
        var header = new byte[headerLength];
        in.readFully(header);
        var body = new byte[total - 4 - headerLength];
        in.readFully(body);
        var code = RESPONSE_CODE.matcher(new String(header, StandardCharsets.UTF_8));
        if (!code.find() || !code.group(1).equals("0")) {
            return Optional.empty();
        }
        return Optional.of(new String(body, StandardCharsets.UTF_8));
    }
}
