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
 * headers fail too. Every failure reaches exceptionCaught, where the connection is closed.
 */
final class FrameDecoder extends LengthFieldBasedFrameDecoder {

    FrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4, true);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        var frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return RemotingCommandCodec.decode(frame);
        } catch (MalformedCommandException e) {
            throw new CorruptedFrameException(e.getMessage(), e);
        } finally {
            frame.release();
        }
    }
}
