package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last inbound handler, shared by all connections of a server or client: responses go to the waiting
 * request, requests to the dispatcher; connect and close go to the listeners; an idle connection and a
 * connection that sent a malformed frame are closed (only that one).
 */
@ChannelHandler.Sharable
final class RemotingHandler extends SimpleChannelInboundHandler<RemotingCommand> {

    private static final Logger log = LoggerFactory.getLogger(RemotingHandler.class);

    private final RequestDispatcher dispatcher;
    private final ChannelEvents events;
    private final Executor callbacks;
    private final boolean pauseReadsWhileUnwritable;

    /**
     * @param pauseReadsWhileUnwritable servers pass true: a peer that does not read its answers must not make us
     *     buffer them without bound, so we stop reading its requests until what we owe it drains, and its own TCP
     *     window holds it back. Clients pass false: if both ends paused, two busy peers could wait on each other.
     */
    RemotingHandler(RequestDispatcher dispatcher, ChannelEvents events, Executor callbacks,
            boolean pauseReadsWhileUnwritable) {
        this.dispatcher = dispatcher;
        this.events = events;
        this.callbacks = callbacks;
        this.pauseReadsWhileUnwritable = pauseReadsWhileUnwritable;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (pauseReadsWhileUnwritable) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        var remote = NettyRemoteChannel.obtain(ctx.channel(), callbacks);
        log.debug("Connection {} <-> {} open", remote.localAddress(), remote.remoteAddress());
        events.connected(remote);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        var remote = NettyRemoteChannel.obtain(ctx.channel(), callbacks);
        log.debug("Connection to {} closed", remote.remoteAddress());
        remote.responses().failAll("connection to " + remote.remoteAddress() + " closed");
        events.disconnected(remote);
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
        var remote = NettyRemoteChannel.obtain(ctx.channel(), callbacks);
        if (cmd.isResponse()) {
            if (!remote.responses().complete(cmd)) {
                log.debug("Response (opaque {}, code {}) from {} matches no waiting request; it timed out or was sent"
                        + " twice", cmd.opaque(), cmd.code(), remote.remoteAddress());
            }
        } else {
            dispatcher.dispatch(remote, cmd);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            log.info("Closing idle connection {}", NettyRemoteChannel.format(ctx.channel().remoteAddress()));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        var peer = NettyRemoteChannel.format(ctx.channel().remoteAddress());
        if (cause instanceof DecoderException) {
            log.warn("Closing connection {}: malformed frame: {}", peer, cause.getMessage());
        } else if (cause instanceof IOException) {
            log.info("Closing connection {}: {}", peer, cause.toString());
        } else {
            log.warn("Closing connection {} after an unexpected error", peer, cause);
        }
        ctx.close();
    }
}
