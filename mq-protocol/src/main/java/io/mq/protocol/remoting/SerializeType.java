package io.mq.protocol.remoting;

/** How a frame's header is serialized: the high byte of the header-length field. */
public enum SerializeType {
    JSON((byte) 0),
    ROCKETMQ((byte) 1);

    private final byte code;

    SerializeType(byte code) {
        this.code = code;
    }

    public byte code() {
        return code;
    }

    public static SerializeType of(byte code) {
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> throw new IllegalArgumentException("unknown header serialization type " + code);
        };
    }
}
