package io.mq.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The byte-level fast path must read every header exactly as the general reader does, or leave it to that reader. */
class JsonHeaderScannerTest {

    /** As the official 4.9.7 client writes a SEND_MESSAGE_V2 request (fastjson, properties with \\u0001/\\u0002). */
    private static final String OFFICIAL_SEND = "{\"code\":310,\"extFields\":{\"a\":\"bench_producer\",\"b\":\"BenchTopic\","
            + "\"c\":\"TBW102\",\"d\":\"4\",\"e\":\"3\",\"f\":\"0\",\"g\":\"1764750000000\",\"h\":\"0\","
            + "\"i\":\"UNIQ_KEY\\u0001C0A80101000018B4AAC2\\u0002WAIT\\u0001true\\u0002TAGS\\u0001TagA\\u0002\","
            + "\"j\":\"0\",\"k\":\"false\",\"m\":\"false\"},\"flag\":0,\"language\":\"JAVA\",\"opaque\":4711,"
            + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":399}";

    @ParameterizedTest
    @ValueSource(strings = {
        OFFICIAL_SEND,
        "{}",
        "{\"code\":0,\"flag\":1,\"language\":\"CPP\",\"opaque\":-7,\"remark\":null,\"version\":0}",
        " {\n \"code\" : 11 , \"extFields\" : { } , \"remark\" : \"a \\\"quoted\\\" \\\\ / \\b\\f\\n\\r\\t remark\" }\n",
        "{\"code\":\"310\",\"opaque\":\"12\",\"language\":9,\"extFields\":{\"n\":123,\"z\":-0,\"l\":007,\"t\":true,\"f\":false,\"x\":null}}",
        "{\"code\":310,\"extFields\":{\"k\":\"中文 überfüllt ✓\",\"e\":\"x\\u4e2dy\\x01z\",\"emoji\":\"\uD83D\uDE00\"}}",
        "{\"code\":310,\"language\":\"KLINGON\"}",
        "{\"extFields\":{\"\u007f\":\"del\",\"\\\\\":\"backslash\",\"q\":\"\",\"é\":\"a\\u0001\u00e9\\u0002\"}}",
        "{\"code\":310,\"remark\":\"r\",\"remark\":\"twice\"}",
    })
    void readsTheCommonShapeExactlyAsTheGeneralReader(String header) {
        var utf8 = header.getBytes(StandardCharsets.UTF_8);

        var scanned = JsonHeaderScanner.scan(utf8);

        assertThat(scanned).as("fast path taken").isNotNull();
        assertSame(scanned, JsonHeaderCodec.decodeGeneric(utf8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"code\":310,\"extFields\":{\"nested\":{\"a\":1},\"list\":[1,2]}}",
        "{\"code\":310,\"unknown\":{\"deep\":[true]}}",
        "{\"code\":1.5}",
        "{\"code\":310,\"extFields\":{\"big\":123456789012345678901234}}",
        "{\"code\":310,\"opaque\":99999999999}",
        "{\"code\":310,\"k\\u0065y\":1}",
    })
    void leavesOtherShapesToTheGeneralReader(String header) {
        assertThat(JsonHeaderScanner.scan(header.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void decodesUncommonShapesThroughTheGeneralReader() {
        var cmd = JsonHeaderCodec.decode("{\"code\":310,\"extFields\":{\"nested\":{\"a\":1}}}".getBytes(StandardCharsets.UTF_8));

        assertThat(cmd.code()).isEqualTo(310);
        assertThat(cmd.extFields()).containsEntry("nested", "{\"a\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"code\":", "{\"code\":310,}", "{\"code\":310} x", "[1]", "{\"code\":\"\\q\"}",
        "{\"extFields\":{\"a\":\"unterminated}}", "{\"code\":310,\"opaque\":99999999999}"})
    void malformedHeadersAreRefusedWithTheGeneralReadersError(String header) {
        assertThatThrownBy(() -> JsonHeaderCodec.decode(header.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedCommandException.class);
    }

    @Test
    void truncatedOrCorruptedHeadersNeverDecodeDifferentlyFromTheGeneralReader() {
        var whole = OFFICIAL_SEND.getBytes(StandardCharsets.UTF_8);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            var bytes = java.util.Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[random.nextInt(bytes.length)] = (byte) "\"{}:,\\0123456789aun-".charAt(random.nextInt(20));
            }
            var scanned = JsonHeaderScanner.scan(bytes);
            if (scanned != null) {
                assertSame(scanned, JsonHeaderCodec.decodeGeneric(bytes));
            }
        }
    }

    private static void assertSame(RemotingCommand scanned, RemotingCommand generic) {
        assertThat(scanned.code()).isEqualTo(generic.code());
        assertThat(scanned.opaque()).isEqualTo(generic.opaque());
        assertThat(scanned.flag()).isEqualTo(generic.flag());
        assertThat(scanned.version()).isEqualTo(generic.version());
        assertThat(scanned.language()).isEqualTo(generic.language());
        assertThat(scanned.remark()).isEqualTo(generic.remark());
        assertThat(scanned.extFields()).isEqualTo(generic.extFields());
    }
}
