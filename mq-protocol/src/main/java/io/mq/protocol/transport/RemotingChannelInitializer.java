package io.mq.protocol.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline every connection gets: on the server side flush consolidation and TLS refusal, then idle watch,
 * frame decoder, encoder, remoting handler.
 */
final class RemotingChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxFrameLength;
    private final Duration idleTimeout;
    private final boolean serverSide;
    private final RemotingHandler handler;
    private final ChannelGroup channels;

    /** {@code channels} collects every connection so that closing the endpoint can close them all. */
    RemotingChannelInitializer(int maxFrameLength, Duration idleTimeout, boolean serverSide, RemotingHandler handler,
            ChannelGroup channels) {
        this.channels = channels;
        this.maxFrameLength = maxFrameLength;
        this.idleTimeout = idleTimeout;
        this.serverSide = serverSide;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        var pipeline = channel.pipeline();
        if (serverSide) {
            // Answers given while a read is in progress (I/O-thread processors) leave in one write at the end of
            // the read, not one syscall each; answers from other threads are flushed at once, as before.
            pipeline.addLast("flush-consolidation", new FlushConsolidationHandler(256, false));
            pipeline.addLast("tls-refuser", new TlsHandshakeRefuser());
        }
        if (!idleTimeout.isZero()) {
            pipeline.addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        pipeline.addLast("frame-decoder", new FrameDecoder(maxFrameLength));
        pipeline.addLast("encoder", CommandEncoder.INSTANCE);
        pipeline.addLast("remoting", handler);
    }
}
