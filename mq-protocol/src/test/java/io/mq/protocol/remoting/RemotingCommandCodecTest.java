package io.mq.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemotingCommandCodecTest {

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void roundTripsEveryFieldWithUnicode(SerializeType type) {
        var cmd = new RemotingCommand()
                .code(RequestCode.SEND_MESSAGE_V2)
                .language(LanguageCode.GO)
                .version(399)
                .opaque(-12345)
                .flag(RemotingCommand.FLAG_ONEWAY)
                .remark("überfüllt ✓ 中文 \"quoted\"\n")
                .extFields(Map.of("a", "group-ä", "b", "Topic中", "i", "KEYS\u0001k1\u0002TAGS\u0001t\u0002"))
                .body("body ✓".getBytes(StandardCharsets.UTF_8))
                .serializeType(type);

        var decoded = RemotingCommandCodec.decode(RemotingCommandCodec.encode(cmd));

        assertThat(decoded.code()).isEqualTo(310);
        assertThat(decoded.language()).isEqualTo(LanguageCode.GO);
        assertThat(decoded.version()).isEqualTo(399);
        assertThat(decoded.opaque()).isEqualTo(-12345);
        assertThat(decoded.isOneway()).isTrue();
        assertThat(decoded.remark()).isEqualTo(cmd.remark());
        assertThat(decoded.extFields()).isEqualTo(cmd.extFields());
        assertThat(decoded.body()).isEqualTo(cmd.body());
        assertThat(decoded.serializeType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(SerializeType.class)
    void roundTripsACommandWithoutRemarkExtOrBody(SerializeType type) {
        var cmd = RemotingCommand.response(ResponseCode.SUCCESS, null).opaque(9).serializeType(type);

        var decoded = RemotingCommandCodec.decode(RemotingCommandCodec.encode(cmd));

        assertThat(decoded.isResponse()).isTrue();
        assertThat(decoded.opaque()).isEqualTo(9);
        assertThat(decoded.remark()).isNull();
        assertThat(decoded.extFields()).isEmpty();
        assertThat(decoded.body()).isNull();
    }

    @Test
    void writesTheJsonHeaderAsFastjsonDoes() {
        var cmd = new RemotingCommand().code(105).opaque(7).remark("r").putExt("topic", "T");

        var frame = Unpooled.wrappedBuffer(RemotingCommandCodec.encode(cmd));

        int total = frame.readInt();
        int lengthField = frame.readInt();
        assertThat(lengthField >>> 24).isEqualTo(0);
        var header = frame.readCharSequence(lengthField & 0xFFFFFF, StandardCharsets.UTF_8).toString();
        assertThat(header).isEqualTo("{\"code\":105,\"extFields\":{\"topic\":\"T\"},\"flag\":0,\"language\":\"JAVA\","
                + "\"opaque\":7,\"remark\":\"r\",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}");
        assertThat(total).isEqualTo(4 + header.length());
    }

    @Test
    void writesTheBinaryHeaderLayout() {
        var cmd = new RemotingCommand().code(34).version(453).opaque(5).flag(1).remark("ok")
                .putExt("k", "v").serializeType(SerializeType.ROCKETMQ);

        var frame = Unpooled.wrappedBuffer(RemotingCommandCodec.encode(cmd));

        assertThat(frame.readInt()).isEqualTo(frame.readableBytes());
        int lengthField = frame.readInt();
        assertThat(lengthField >>> 24).isEqualTo(1);
        assertThat(lengthField & 0xFFFFFF).isEqualTo(2 + 1 + 2 + 4 + 4 + (4 + 2) + (4 + 2 + 1 + 4 + 1));
        assertThat(frame.readShort()).isEqualTo((short) 34);
        assertThat(frame.readByte()).isEqualTo((byte) 0);
        assertThat(frame.readShort()).isEqualTo((short) 453);
        assertThat(frame.readInt()).isEqualTo(5);
        assertThat(frame.readInt()).isEqualTo(1);
        assertThat(frame.readInt()).isEqualTo(2);
        assertThat(frame.readCharSequence(2, StandardCharsets.UTF_8).toString()).isEqualTo("ok");
        assertThat(frame.readInt()).isEqualTo(8);
        assertThat(frame.readShort()).isEqualTo((short) 1);
        assertThat(frame.readByte()).isEqualTo((byte) 'k');
        assertThat(frame.readInt()).isEqualTo(1);
        assertThat(frame.readByte()).isEqualTo((byte) 'v');
        assertThat(frame.isReadable()).isFalse();
    }

    @Test
    void decodesTheJsonFrameTheOfficialClientWrites() {
        // What rocketmq-client 4.9.7 sends for GET_ROUTEINFO_BY_TOPIC: fastjson, properties in name order,
        // no remark, plus a field we do not know (later versions add some): it must be ignored.
        var header = "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\","
                + "\"opaque\":3,\"serializeTypeCurrentRPC\":\"JSON\",\"unknownFuture\":{\"x\":[1,2]},\"version\":453}";
        var frame = frame(0, header.getBytes(StandardCharsets.UTF_8), new byte[0]);

        var cmd = RemotingCommandCodec.decode(frame);

        assertThat(cmd.code()).isEqualTo(RequestCode.GET_ROUTEINFO_BY_TOPIC);
        assertThat(cmd.ext("topic")).isEqualTo("TopicTest");
        assertThat(cmd.opaque()).isEqualTo(3);
        assertThat(cmd.version()).isEqualTo(453);
        assertThat(cmd.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(cmd.isResponse()).isFalse();
        assertThat(cmd.serializeType()).isEqualTo(SerializeType.JSON);
        assertThat(cmd.body()).isNull();
    }

    @Test
    void readsJsonHeaderValuesLeniently() {
        var header = "{\"code\":\"34\",\"language\":9,\"opaque\":1,\"extFields\":{\"n\":5,\"b\":true,\"o\":{\"k\":\"v\"}}}";

        var cmd = RemotingCommandCodec.decode(frame(0, header.getBytes(StandardCharsets.UTF_8), new byte[0]));

        assertThat(cmd.code()).isEqualTo(34);
        assertThat(cmd.language()).isEqualTo(LanguageCode.GO);
        assertThat(cmd.extFields()).containsEntry("n", "5").containsEntry("b", "true").containsEntry("o", "{\"k\":\"v\"}");
    }

    @Test
    void decodesAHandBuiltBinaryHeader() {
        var header = Unpooled.buffer();
        header.writeShort(11).writeByte(0).writeShort(453).writeInt(77).writeInt(0);
        header.writeInt(0); // no remark
        var ext = Unpooled.buffer();
        ext.writeShort(5).writeCharSequence("topic", StandardCharsets.UTF_8);
        ext.writeInt(2).writeCharSequence("t1", StandardCharsets.UTF_8);
        header.writeInt(ext.readableBytes()).writeBytes(ext);
        var headerBytes = new byte[header.readableBytes()];
        header.readBytes(headerBytes);

        var cmd = RemotingCommandCodec.decode(frame(1, headerBytes, new byte[] {1, 2, 3}));

        assertThat(cmd.code()).isEqualTo(RequestCode.PULL_MESSAGE);
        assertThat(cmd.opaque()).isEqualTo(77);
        assertThat(cmd.extFields()).isEqualTo(Map.of("topic", "t1"));
        assertThat(cmd.body()).containsExactly(1, 2, 3);
        assertThat(cmd.serializeType()).isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void encodesABufferBodyWithoutTouchingItsReaderIndex() {
        var body = Unpooled.wrappedBuffer("xxpayload".getBytes(StandardCharsets.UTF_8)).skipBytes(2);
        var cmd = RemotingCommand.response(0, null).bodyBuf(body);

        var decoded = RemotingCommandCodec.decode(RemotingCommandCodec.encode(cmd));

        assertThat(new String(decoded.body(), StandardCharsets.UTF_8)).isEqualTo("payload");
        assertThat(body.readerIndex()).isEqualTo(2);
    }

    @Test
    void rejectsAHeaderLengthLargerThanTheFrame() {
        var frame = Unpooled.buffer().writeInt(100).writeBytes(new byte[10]);

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("header length 100 exceeds the frame");
    }

    @Test
    void rejectsAnUnknownSerializationType() {
        var frame = Unpooled.buffer().writeInt((7 << 24) | 2).writeBytes(new byte[] {'{', '}'});

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("serialization type 7");
    }

    @Test
    void rejectsMalformedJson() {
        var bad = "{\"code\":10,".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(0, bad, new byte[0])))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageStartingWith("malformed JSON header");
    }

    @Test
    void rejectsAJsonHeaderThatIsNotAnObject() {
        var bad = "[1,2]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(0, bad, new byte[0])))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("not an object");
    }

    @Test
    void rejectsABinaryHeaderWhoseLengthsOverrunIt() {
        var header = Unpooled.buffer();
        header.writeShort(11).writeByte(0).writeShort(1).writeInt(1).writeInt(0);
        header.writeInt(1000).writeInt(0); // remark claims 1000 bytes
        var bytes = new byte[header.readableBytes()];
        header.readBytes(bytes);

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(1, bytes, new byte[0])))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("remark length 1000");
    }

    @Test
    void rejectsATruncatedBinaryHeader() {
        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(1, new byte[] {0, 11, 0}, new byte[0])))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("shorter than its fixed part");
    }

    @Test
    void rejectsABinaryExtFieldCutShort() {
        var header = Unpooled.buffer();
        header.writeShort(11).writeByte(0).writeShort(1).writeInt(1).writeInt(0).writeInt(0);
        header.writeInt(4).writeShort(1).writeByte('k').writeByte(0); // value length missing
        var bytes = new byte[header.readableBytes()];
        header.readBytes(bytes);

        assertThatThrownBy(() -> RemotingCommandCodec.decode(frame(1, bytes, new byte[0])))
                .isInstanceOf(MalformedCommandException.class)
                .hasMessageContaining("value length truncated");
    }

    /** A frame without its length prefix: header-length field, header, body. */
    private static ByteBuf frame(int type, byte[] header, byte[] body) {
        return Unpooled.buffer().writeInt((type << 24) | header.length).writeBytes(header).writeBytes(body);
    }
}
