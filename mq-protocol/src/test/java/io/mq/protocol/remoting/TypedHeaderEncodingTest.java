package io.mq.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.protocol.header.SendMessageRequestHeaderV2;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request made from a typed header is written by the binary codec straight from the header; the frame must be
 * byte for byte the one written from the header's ext-field map, and read back to that map.
 */
class TypedHeaderEncodingTest {

    private static SendMessageRequestHeaderV2 header(long bornTimestamp, int queueId, Integer reconsumeTimes,
            String brokerName) {
        return new SendMessageRequestHeaderV2("group-ä", "Topic中", "TBW102", 4, queueId, -7, bornTimestamp,
                Integer.MIN_VALUE, "KEYS\u0001k1\u0002UNIQ_KEY\u0001AC11", reconsumeTimes, false, null, true,
                brokerName);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 9L, 10L, -1L, -10L, 1_733_212_345_678L, Long.MAX_VALUE, Long.MIN_VALUE})
    void writesTheSameFrameAsTheMap(long number) {
        var typed = header(number, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number)),
                number == 0 ? null : 3, number < 0 ? null : "broker-a");

        var fromHeader = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, typed).opaque(9)
                .serializeType(SerializeType.ROCKETMQ);
        var fromMap = new RemotingCommand().code(RequestCode.SEND_MESSAGE_V2).opaque(9)
                .extFields(new LinkedHashMap<>(typed.toExtFields())).serializeType(SerializeType.ROCKETMQ);

        var frame = RemotingCommandCodec.encode(fromHeader);
        assertThat(frame).isEqualTo(RemotingCommandCodec.encode(fromMap));
        assertThat(RemotingCommandCodec.decode(frame).extFields()).isEqualTo(typed.toExtFields());
        assertThat(SendMessageRequestHeaderV2.from(RemotingCommandCodec.decode(frame))).isEqualTo(typed);
    }

    @Test
    void aHeaderAskedForAsAMapIsWrittenFromTheMap() {
        var typed = header(42L, 1, null, "broker-a");
        var cmd = RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, typed).serializeType(SerializeType.ROCKETMQ);

        assertThat(cmd.ext("b")).isEqualTo("Topic中");
        cmd.putExt("extra", "x");

        var decoded = RemotingCommandCodec.decode(RemotingCommandCodec.encode(cmd));
        var expected = new LinkedHashMap<>(typed.toExtFields());
        expected.put("extra", "x");
        assertThat(decoded.extFields()).isEqualTo(expected);
    }

    @Test
    void readsKnownNamesAndValuesAsTheirText() {
        var fields = Map.of("msgId", "truex", "queueId", "0", "TRACE_ON", "true", "MSG_REGION", "DefaultRegion",
                "ab", "a", "transactionId", "", "queueOffset", "00");
        var cmd = new RemotingCommand().code(0).extFields(fields).serializeType(SerializeType.ROCKETMQ);

        assertThat(RemotingCommandCodec.decode(RemotingCommandCodec.encode(cmd)).extFields()).isEqualTo(fields);
    }
}
