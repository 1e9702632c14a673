package io.mq.protocol.transport;

import io.mq.protocol.remoting.MalformedCommandException;
import io.mq.protocol.remoting.RemotingCommandCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * Cuts the stream into frames by their int32 length prefix and decodes each into a RemotingCommand. A length
 * over the maximum fails at once, before anything is buffered (fail-fast); negative lengths and malformed
 * headers fail too. Every failure reaches exceptionCaught, where the connection is closed. The body is copied out
 * of the frame, except for a response whose request reads it from the frame (a pull's messages): that one keeps
 * the frame as its {@code bodyBuf}, which the response table releases.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    FrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4, true);
    }

    /** Whether the request this answers reads the body from the frame itself (see ResponseTable#readsFrame). */
    private static boolean readsFrame(ChannelHandlerContext ctx, int opaque) {
        var remote = NettyRemoteChannel.existing(ctx.channel());
        return remote != null && remote.responses().readsFrame(opaque);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        var frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        boolean keep = false;
        try {
            var cmd = RemotingCommandCodec.decodeHeader(frame);
            keep = frame.isReadable() && cmd.isResponse() && readsFrame(ctx, cmd.opaque());
            if (keep) {
                cmd.bodyBuf(frame); // released by the response table once its reader is done
            } else {
                RemotingCommandCodec.copyBody(cmd, frame);
            }
            return cmd;
        } catch (MalformedCommandException e) {
            throw new CorruptedFrameException(e.getMessage(), e);
        } finally {
            if (!keep) {
                frame.release();
            }
        }
    }
}
