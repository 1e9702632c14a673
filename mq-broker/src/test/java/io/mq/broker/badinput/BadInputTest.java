package io.mq.broker.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.EmbeddedBroker;
import io.mq.broker.processor.send.SendRequests;
import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.NettyRemotingClient;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker facing bytes that are not the protocol, or requests it cannot serve: each bad connection gets a clear
 * answer or is closed alone, while a well-behaved producer on the same broker keeps sending.
 */
class BadInputTest {

    private static final int READ_DEADLINE_MILLIS = 5_000;

    @TempDir
    Path dir;

    private EmbeddedBroker embedded;
    private final NettyRemotingClient goodClient = new NettyRemotingClient();
    private long goodSends;

    @BeforeEach
    void start() {
        embedded = EmbeddedBroker.start(dir);
        embedded.broker().runtime().topics().createOrUpdate(TopicDefinition.of("orders", 1, Perm.READ_WRITE));
        goodProducerSends(); // its connection is open before the bad input arrives
    }

    @AfterEach
    void stop() {
        goodClient.close();
        embedded.close();
    }

    @Test
    void garbageBytesCloseOnlyThatConnection() throws IOException {
        try (var bad = connect()) {
            // An HTTP request: its first four bytes read as a length of about 1.2 GB.
            bad.getOutputStream().write("GET / HTTP/1.1\r\nHost: broker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertClosedByBroker(bad);
        }
        goodProducerSends();
    }

    @Test
    void lengthPrefixOverTheMaximumFrameClosesTheConnectionBeforeAnythingIsBuffered() throws IOException {
        try (var bad = connect()) {
            var frame = ByteBuffer.allocate(8).putInt(embedded.broker().config().maxFrameLength() + 1).putInt(0);
            bad.getOutputStream().write(frame.array());

            assertClosedByBroker(bad);
        }
        goodProducerSends();
    }

    @Test
    void truncatedFrameThenCloseLeavesTheBrokerServing() throws IOException {
        try (var bad = connect()) {
            var frame = ByteBuffer.allocate(12).putInt(1_000).putInt(20).putInt(0x7B22636F); // '{"co' then nothing
            bad.getOutputStream().write(frame.array());
            bad.getOutputStream().flush();
        }
        goodProducerSends();
    }

    @Test
    void headerLengthLargerThanTheFrameClosesTheConnection() throws IOException {
        try (var bad = connect()) {
            // Total length 12: the header-length field (4 bytes) and 8 header bytes, but it claims a 1000-byte header.
            var frame = ByteBuffer.allocate(16).putInt(12).putInt(1_000).put("{\"code\":".getBytes(StandardCharsets.US_ASCII));
            bad.getOutputStream().write(frame.array());

            assertClosedByBroker(bad);
        }
        goodProducerSends();
    }

    @Test
    void unknownSerializationTypeClosesTheConnection() throws IOException {
        try (var bad = connect()) {
            byte[] header = "{}".getBytes(StandardCharsets.US_ASCII);
            var frame = ByteBuffer.allocate(4 + 4 + header.length).putInt(4 + header.length)
                    .putInt((7 << 24) | header.length).put(header);
            bad.getOutputStream().write(frame.array());

            assertClosedByBroker(bad);
        }
        goodProducerSends();
    }

    @Test
    void unknownRequestCodeIsAnsweredRequestCodeNotSupported() {
        var response = goodClient.invokeSync(embedded.brokerAddress(), RemotingCommand.request(9_999, null), 5_000);

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.remark()).contains("9999");
        goodProducerSends();
    }

    @Test
    void sendMissingARequiredHeaderFieldIsAnsweredNamingTheField() {
        var request = SendRequests.text("orders", 0, "a", "no topic");
        request.extFields().remove("b");

        var response = goodClient.invokeSync(embedded.brokerAddress(), request, 5_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("missing header field 'b'");
        goodProducerSends();
    }

    @Test
    void sendWithANonNumericQueueIdIsAnsweredNamingTheField() {
        var request = SendRequests.text("orders", 0, "a", "bad queue");
        request.extFields().put("e", "zero");

        var response = goodClient.invokeSync(embedded.brokerAddress(), request, 5_000);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("malformed header field 'e': 'zero'");
        goodProducerSends();
    }

    /** A producer on its own connection sends and is answered with the next queue offset. */
    private void goodProducerSends() {
        var response = goodClient.invokeSync(embedded.brokerAddress(),
                SendRequests.text("orders", 0, "ok", "still serving " + goodSends), 5_000);
        assertThat(response.code()).as(response.remark()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(SendMessageResponseHeader.from(response).queueOffset()).isEqualTo(goodSends);
        goodSends++;
    }

    private Socket connect() throws IOException {
        var socket = new Socket("127.0.0.1", embedded.broker().port());
        socket.setSoTimeout(READ_DEADLINE_MILLIS);
        return socket;
    }

    /** The broker closes the connection within the deadline, without answering anything first. */
    private static void assertClosedByBroker(Socket socket) throws IOException {
        InputStream in = new DataInputStream(socket.getInputStream());
        try {
            assertThat(in.read()).as("the broker closes the connection without answering").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the broker kept the connection open for " + READ_DEADLINE_MILLIS + " ms", e);
        } catch (java.net.SocketException reset) {
            // A reset is a close too (the broker closed while our bytes were still unread).
        }
    }
}
