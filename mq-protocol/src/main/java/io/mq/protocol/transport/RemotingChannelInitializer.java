package io.mq.protocol.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The pipeline every connection gets: [TLS refusal], idle watch, frame decoder, encoder, remoting handler. */
final class RemotingChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxFrameLength;
    private final Duration idleTimeout;
    private final boolean refuseTls;
    private final RemotingHandler handler;
    private final ChannelGroup channels;

    /** {@code channels} collects every connection so that closing the endpoint can close them all. */
    RemotingChannelInitializer(int maxFrameLength, Duration idleTimeout, boolean refuseTls, RemotingHandler handler,
            ChannelGroup channels) {
        this.channels = channels;
        this.maxFrameLength = maxFrameLength;
        this.idleTimeout = idleTimeout;
        this.refuseTls = refuseTls;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channels.add(channel);
        var pipeline = channel.pipeline();
        if (refuseTls) {
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
