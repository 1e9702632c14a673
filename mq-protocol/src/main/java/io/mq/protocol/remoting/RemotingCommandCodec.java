package io.mq.protocol.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * Frames a command the way RocketMQ does: int32 total length, int32 header-length field (high byte the
 * serialization type, low 24 bits the header length), header (JSON or ROCKETMQ binary), body.
 * The transport's Netty handlers use this; it also serves tests and tools that need raw frames.
 */
public final class RemotingCommandCodec {

    /** The header length has 24 bits on the wire. */
    public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private RemotingCommandCodec() {
    }

    /**
     * Writes the length prefix, the header-length field and the header, with the total length covering
     * {@link RemotingCommand#bodyLength()} body bytes that the caller writes after it.
     */
    public static ByteBuf encodeHeader(RemotingCommand cmd, ByteBufAllocator allocator) {
        var out = allocator.buffer(256);
        try {
            int begin = out.writerIndex();
            out.writeLong(0); // total length and header-length field, set once the header is written
            if (cmd.serializeType() == SerializeType.ROCKETMQ) {
                BinaryHeaderCodec.encode(cmd, out);
            } else {
                JsonHeaderCodec.encode(cmd, out);
            }
            int headerLength = out.writerIndex() - begin - 8;
            if (headerLength > MAX_HEADER_LENGTH) {
                throw new IllegalArgumentException("header of " + headerLength + " bytes exceeds the 24-bit limit: " + cmd);
            }
            out.setInt(begin, 4 + headerLength + cmd.bodyLength());
            out.setInt(begin + 4, (cmd.serializeType().code() << 24) | headerLength);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The whole frame, length prefix included, as bytes (copies a {@link RemotingCommand#bodyBuf()} body). */
    public static byte[] encode(RemotingCommand cmd) {
        var header = encodeHeader(cmd, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        try {
            var frame = new byte[header.readableBytes() + cmd.bodyLength()];
            int headerLength = header.readableBytes();
            header.readBytes(frame, 0, headerLength);
            if (cmd.bodyBuf() != null) {
                cmd.bodyBuf().getBytes(cmd.bodyBuf().readerIndex(), frame, headerLength, cmd.bodyLength());
            } else if (cmd.body() != null) {
                System.arraycopy(cmd.body(), 0, frame, headerLength, cmd.body().length);
            }
            return frame;
        } finally {
            header.release();
        }
    }

    /**
     * Reads a frame whose 4-byte length prefix was already consumed: header-length field, header, body.
     * Throws {@link MalformedCommandException} when the frame is not a command. Does not release {@code frame}.
     */
    public static RemotingCommand decode(ByteBuf frame) {
        var cmd = decodeHeader(frame);
        copyBody(cmd, frame);
        return cmd;
    }

    /** Gives {@code cmd} a copy of what is left readable in {@code frame} (after {@link #decodeHeader}) as its body. */
    public static void copyBody(RemotingCommand cmd, ByteBuf frame) {
        if (frame.isReadable()) {
            var body = new byte[frame.readableBytes()];
            frame.readBytes(body);
            cmd.body(body);
        }
    }

    /**
     * Like {@link #decode(ByteBuf)} but reads only the header-length field and the header: the body is what is
     * left readable in {@code frame}, for a caller that reads it from there rather than from a copy.
     */
    public static RemotingCommand decodeHeader(ByteBuf frame) {
        int frameLength = frame.readableBytes();
        if (frameLength < 4) {
            throw new MalformedCommandException("frame of " + frameLength + " bytes has no header-length field");
        }
        int lengthField = frame.readInt();
        int headerLength = lengthField & MAX_HEADER_LENGTH;
        SerializeType type;
        try {
            type = SerializeType.of((byte) (lengthField >>> 24));
        } catch (IllegalArgumentException e) {
            throw new MalformedCommandException(e.getMessage());
        }
        if (headerLength > frame.readableBytes()) {
            throw new MalformedCommandException("header length " + headerLength + " exceeds the frame ("
                    + frameLength + " bytes)");
        }
        var header = frame.readSlice(headerLength);
        RemotingCommand cmd;
        if (type == SerializeType.ROCKETMQ) {
            cmd = BinaryHeaderCodec.decode(header);
        } else {
            var json = new byte[headerLength];
            header.readBytes(json);
            cmd = JsonHeaderCodec.decode(json);
        }
        cmd.serializeType(type);
        return cmd;
    }

    /** Reads a whole frame, length prefix included; the prefix must match the array's length. */
    public static RemotingCommand decode(byte[] frameWithPrefix) {
        var buf = Unpooled.wrappedBuffer(frameWithPrefix);
        if (buf.readableBytes() < 4 || buf.readInt() != buf.readableBytes()) {
            throw new MalformedCommandException("length prefix does not match a frame of " + frameWithPrefix.length + " bytes");
        }
        return decode(buf);
    }
}
