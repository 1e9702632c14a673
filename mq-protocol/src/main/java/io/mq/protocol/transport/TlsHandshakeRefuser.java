package io.mq.protocol.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the first byte of a new connection: 0x16 opens a TLS ClientHello, which we do not speak yet, so the
 * connection is closed with a log line that says why (instead of a confusing frame-length error). Any other
 * first byte is a plain frame: the handler removes itself and passes the bytes on untouched.
 */
final class TlsHandshakeRefuser extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(TlsHandshakeRefuser.class);
    private static final byte TLS_HANDSHAKE = 0x16;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) == TLS_HANDSHAKE) {
            log.warn("Refused TLS handshake from {}: this server accepts plain TCP only (TLS is not supported yet);"
                    + " closing the connection", NettyRemoteChannel.format(ctx.channel().remoteAddress()));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this); // hands the bytes read so far to the frame decoder
    }
}
