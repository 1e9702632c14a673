package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RemotingCommandCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes a command as two buffers, header then body, so a body given as a buffer (stored messages) goes to
 * the socket without being copied; Netty releases that buffer once written. A byte-array body is copied into the
 * header's buffer instead: the socket takes only direct memory, so Netty would copy a wrapped array into a new
 * direct buffer anyway, and one buffer spares the second write's promise bookkeeping. The header uses the command's
 * serialization type, which a response copies from its request.
 */
@ChannelHandler.Sharable
final class CommandEncoder extends MessageToMessageEncoder<RemotingCommand> {

    static final CommandEncoder INSTANCE = new CommandEncoder();

    private CommandEncoder() {
        super(RemotingCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, List<Object> out) {
        ByteBuf frame;
        try {
            frame = RemotingCommandCodec.encodeHeader(cmd, ctx.alloc());
        } catch (RuntimeException e) {
            if (cmd.bodyBuf() != null) {
                cmd.bodyBuf().release();
            }
            throw e;
        }
        out.add(frame);
        if (cmd.bodyBuf() != null) {
            out.add(cmd.bodyBuf());
        } else if (cmd.body() != null && cmd.body().length > 0) {
            frame.writeBytes(cmd.body());
        }
    }
}
