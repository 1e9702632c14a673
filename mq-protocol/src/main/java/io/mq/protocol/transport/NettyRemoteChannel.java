package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link RemoteChannel} over one Netty channel, with the table of its requests awaiting responses. */
final class NettyRemoteChannel implements RemoteChannel {

    private static final Logger log = LoggerFactory.getLogger(NettyRemoteChannel.class);
    private static final AttributeKey<NettyRemoteChannel> KEY = AttributeKey.valueOf(NettyRemoteChannel.class.getName());

    private final Channel channel;
    private final String remoteAddress;
    private final ResponseTable responses;

    private NettyRemoteChannel(Channel channel, Executor callbacks) {
        this.channel = channel;
        this.remoteAddress = format(channel.remoteAddress());
        this.responses = new ResponseTable(remoteAddress, channel.eventLoop(), callbacks);
    }

    /**
     * The wrapper of a connected channel, created on first use. Both the inbound handler (channelActive) and a
     * client's connect listener may come first, so creation is a set-if-absent on the channel's attribute.
     */
    static NettyRemoteChannel obtain(Channel channel, Executor callbacks) {
        var attr = channel.attr(KEY);
        var existing = attr.get();
        if (existing != null) {
            return existing;
        }
        var created = new NettyRemoteChannel(channel, callbacks);
        existing = attr.setIfAbsent(created);
        return existing != null ? existing : created;
    }

    /** The wrapper of a channel if it was created already, else null. */
    static NettyRemoteChannel existing(Channel channel) {
        return channel.attr(KEY).get();
    }

    ResponseTable responses() {
        return responses;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String localAddress() {
        return format(channel.localAddress());
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public Executor ioExecutor() {
        return channel.eventLoop();
    }

    @Override
    public void reply(RemotingCommand request, RemotingCommand response) {
        response.opaque(request.opaque()).serializeType(request.serializeType()).markResponse();
        if (request.isOneway()) {
            log.debug("No reply sent to one-way request {} from {}", request.code(), remoteAddress);
            if (response.bodyBuf() != null) {
                response.bodyBuf().release();
            }
            return;
        }
        channel.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                log.warn("Failed to send the response to request code {} (opaque {}) to {}: {}",
                        request.code(), request.opaque(), remoteAddress, f.cause().toString());
            }
        });
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
        return invoke(request, timeoutMillis, timeoutMillis);
    }

    /** Waits {@code waitMillis} but reports a timeout as {@code requestTimeoutMillis}, the caller's whole budget. */
    CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long waitMillis, long requestTimeoutMillis) {
        if (!channel.isActive()) {
            releaseBody(request);
            return CompletableFuture.failedFuture(new RemotingException(remoteAddress,
                    "connection closed, cannot send request code " + request.code(), null));
        }
        var future = responses.register(request, waitMillis, requestTimeoutMillis);
        channel.writeAndFlush(request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                responses.fail(request.opaque(), new RemotingException(remoteAddress,
                        "send request code " + request.code() + " failed: " + f.cause(), f.cause()));
            }
        });
        return future;
    }

    /**
     * Like {@link #invoke(RemotingCommand, long, long)}, but the response's body is read by {@code reader} straight
     * from the received frame: see {@link RemotingClient#invokeAsync(String, RemotingCommand, long, Function)}.
     */
    <T> CompletableFuture<T> invoke(RemotingCommand request, long waitMillis, long requestTimeoutMillis,
            Function<RemotingCommand, T> reader) {
        if (!channel.isActive()) {
            releaseBody(request);
            return CompletableFuture.failedFuture(new RemotingException(remoteAddress,
                    "connection closed, cannot send request code " + request.code(), null));
        }
        var future = responses.register(request, waitMillis, requestTimeoutMillis, reader);
        channel.writeAndFlush(request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                responses.fail(request.opaque(), new RemotingException(remoteAddress,
                        "send request code " + request.code() + " failed: " + f.cause(), f.cause()));
            }
        });
        return future;
    }

    /**
     * Sends and blocks up to {@code waitMillis} for the answer, which the I/O thread hands straight to this thread
     * (no timer, no callback thread); a timeout reports {@code requestTimeoutMillis}, the caller's whole budget.
     */
    RemotingCommand invokeSync(RemotingCommand request, long waitMillis, long requestTimeoutMillis) {
        if (!channel.isActive()) {
            releaseBody(request);
            throw new RemotingException(remoteAddress, "connection closed, cannot send request code " + request.code(),
                    null);
        }
        int opaque = request.opaque();
        var future = responses.registerSync(request);
        channel.writeAndFlush(request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                responses.fail(opaque, new RemotingException(remoteAddress,
                        "send request code " + request.code() + " failed: " + f.cause(), f.cause()));
            }
        });
        try {
            try {
                return future.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (responses.expire(opaque, new RemotingTimeoutException(remoteAddress, "timeout after "
                        + requestTimeoutMillis + " ms waiting for response to code " + request.code()))) {
                    return future.join(); // completed exceptionally by expire: throws the timeout
                }
                return future.get(); // answered just now: its completion is on its way
            }
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof RemotingException remoting ? remoting
                    : new RemotingException(remoteAddress, "request code " + request.code() + " failed: "
                            + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            responses.expire(opaque, new RemotingException(remoteAddress, "interrupted", e));
            Thread.currentThread().interrupt();
            throw new RemotingException(remoteAddress, "interrupted waiting for response to code " + request.code(),
                    e);
        }
    }

    @Override
    public void invokeOneway(RemotingCommand request) {
        request.markOneway();
        channel.writeAndFlush(request).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                log.warn("Failed to send one-way request code {} to {}: {}", request.code(), remoteAddress,
                        f.cause().toString());
            }
        });
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "RemoteChannel[" + remoteAddress + "]";
    }

    private static void releaseBody(RemotingCommand cmd) {
        if (cmd.bodyBuf() != null) {
            cmd.bodyBuf().release();
        }
    }

    /** "ip:port", as RocketMQ shows addresses. */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            var host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
