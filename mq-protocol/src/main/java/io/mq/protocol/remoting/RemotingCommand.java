package io.mq.protocol.remoting;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request or response of the RocketMQ remoting protocol: the header fields plus an optional body.
 * The typed custom header travels as {@link #extFields()} (every value a string), exactly as on the wire.
 */
public final class RemotingCommand {

    public static final int FLAG_RESPONSE = 1;
    public static final int FLAG_ONEWAY = 1 << 1;
    /** The version we announce; RocketMQ brokers send their release's ordinal. Clients only log it. */
    public static final int OUR_VERSION = 407; // MQVersion.V4_9_7: clients treat us as a 4.9.7 broker

    private static final AtomicInteger NEXT_OPAQUE = new AtomicInteger();

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = OUR_VERSION;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    /** The typed header of a new request until something asks for its ext fields as a map (see {@link #header()}). */
    private CommandHeader header;
    private byte[] body;
    private ByteBuf bodyBuf;
    private SerializeType serializeType = SerializeType.JSON;

    public RemotingCommand() {
    }

    /** A new request with a fresh opaque id and the header's fields, or none when header is null. */
    public static RemotingCommand request(int code, CommandHeader header) {
        var cmd = new RemotingCommand();
        cmd.code = code;
        cmd.opaque = NEXT_OPAQUE.incrementAndGet();
        cmd.header = header; // turned into ext fields only when asked: the binary codec writes it directly
        return cmd;
    }

    /** A response to {@code request}: same opaque and serialization, response flag set. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        var cmd = new RemotingCommand();
        cmd.code = code;
        cmd.remark = remark;
        cmd.flag = FLAG_RESPONSE;
        cmd.opaque = request.opaque;
        cmd.serializeType = request.serializeType;
        return cmd;
    }

    /** A response not yet tied to a request (the transport sets opaque and serialization when it is sent). */
    public static RemotingCommand response(int code, String remark) {
        var cmd = new RemotingCommand();
        cmd.code = code;
        cmd.remark = remark;
        cmd.flag = FLAG_RESPONSE;
        return cmd;
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneway() {
        return (flag & FLAG_ONEWAY) != 0;
    }

    public RemotingCommand markOneway() {
        flag |= FLAG_ONEWAY;
        return this;
    }

    public RemotingCommand markResponse() {
        flag |= FLAG_RESPONSE;
        return this;
    }

    /**
     * The typed header this request was made with, while its fields have not been turned into a map yet; null
     * otherwise. The fields are then the header's alone, so an encoder may write them from it.
     */
    CommandHeader header() {
        return header;
    }

    /** The ext fields as a map, made from the typed header on first use. */
    private Map<String, String> fields() {
        if (header != null) {
            extFields = header.toExtFields();
            header = null;
        }
        return extFields;
    }

    /** The ext field, or null. */
    public String ext(String name) {
        var fields = fields();
        return fields == null ? null : fields.get(name);
    }

    public RemotingCommand putExt(String name, String value) {
        if (fields() == null) {
            extFields = new CompactExtFields(8);
        }
        if (value != null) {
            extFields.put(name, value);
        }
        return this;
    }

    /** Adds the header's fields; headers that write their fields themselves go without a map in between. */
    public RemotingCommand putHeader(CommandHeader header) {
        if (header != null) {
            header.writeExtFields(new ExtFieldSink() {
                @Override
                public void put(String name, String value) {
                    putExt(name, value);
                }

                @Override
                public void put(String name, long value) {
                    putExt(name, Long.toString(value));
                }
            });
        }
        return this;
    }

    public int code() { return code; }
    public RemotingCommand code(int code) { this.code = code; return this; }
    public LanguageCode language() { return language; }
    public RemotingCommand language(LanguageCode language) { this.language = language; return this; }
    public int version() { return version; }
    public RemotingCommand version(int version) { this.version = version; return this; }
    public int opaque() { return opaque; }
    public RemotingCommand opaque(int opaque) { this.opaque = opaque; return this; }
    public int flag() { return flag; }
    public RemotingCommand flag(int flag) { this.flag = flag; return this; }
    public String remark() { return remark; }
    public RemotingCommand remark(String remark) { this.remark = remark; return this; }
    /** The ext fields; never null (an empty map when the frame had none). */
    public Map<String, String> extFields() {
        var fields = fields();
        return fields == null ? Map.of() : fields;
    }

    public RemotingCommand extFields(Map<String, String> extFields) {
        this.header = null;
        this.extFields = extFields;
        return this;
    }

    public byte[] body() { return body; }
    /** Sets a byte-array body (replacing a {@link #bodyBuf(ByteBuf)} body, which the caller still owns). */
    public RemotingCommand body(byte[] body) { this.body = body; this.bodyBuf = null; return this; }

    /** The body given as a buffer, or null; see {@link #bodyBuf(ByteBuf)}. */
    public ByteBuf bodyBuf() { return bodyBuf; }

    /**
     * Sets the body as a buffer the transport writes without copying (e.g. a slice of a mapped commit-log
     * segment) and releases once written or failed. Ownership passes with the send: send the command exactly
     * once, or release the buffer yourself if it is never sent.
     */
    public RemotingCommand bodyBuf(ByteBuf bodyBuf) { this.bodyBuf = bodyBuf; this.body = null; return this; }

    /** Length of the body in bytes, whichever form it has (0 when none). */
    public int bodyLength() {
        if (bodyBuf != null) {
            return bodyBuf.readableBytes();
        }
        return body == null ? 0 : body.length;
    }
    public SerializeType serializeType() { return serializeType; }
    public RemotingCommand serializeType(SerializeType serializeType) { this.serializeType = serializeType; return this; }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", opaque=" + opaque + ", flag=" + flag
                + ", remark=" + remark + ", ext=" + fields() + ", body=" + bodyLength() + "B]";
    }
}
