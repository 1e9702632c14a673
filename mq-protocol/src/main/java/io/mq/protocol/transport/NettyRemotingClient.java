package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The remoting client on Netty NIO: one connection per address, opened on first use and shared by all threads,
 * reopened on the next request after it closed. Responses and their callbacks arrive on a callback pool, never
 * on an event loop.
 */
public final class NettyRemotingClient implements RemotingClient {

    private final ClientConfig config;
    private final RequestDispatcher dispatcher = new RequestDispatcher();
    private final ChannelEvents events = new ChannelEvents("remoting-client");
    private final ExecutorService callbacks;
    private final EventLoopGroup workers;
    private final ChannelGroup allChannels = new DefaultChannelGroup("remoting-client", GlobalEventExecutor.INSTANCE);
    private final Bootstrap bootstrap;
    private final Map<String, CompletableFuture<NettyRemoteChannel>> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyRemotingClient(ClientConfig config) {
        this.config = config;
        this.callbacks = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("remoting-client-callback", true));
        this.workers = new MultiThreadIoEventLoopGroup(config.workerThreads(),
                new DefaultThreadFactory("remoting-client-io", true), NioIoHandler.newFactory());
        var handler = new RemotingHandler(dispatcher, events, callbacks, false);
        this.bootstrap = new Bootstrap()
                .group(workers)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        config.connectTimeout().toMillis()))
                .handler(new FlushConsolidating(new RemotingChannelInitializer(config.maxFrameLength(),
                        config.idleTimeout(), false, handler, allChannels)));
    }

    /**
     * Puts a flush consolidation in front of the usual pipeline. Requests from many threads reach the event loop
     * as separate write-and-flush tasks; flushing once after the tasks queued so far sends them in one writev where
     * each would have cost a system call of its own (and on loopback, the peer's wake-up in it).
     */
    private static final class FlushConsolidating extends ChannelInitializer<SocketChannel> {
        private static final int MAX_FLUSHES_HELD = 256;

        private final ChannelInitializer<SocketChannel> pipeline;

        FlushConsolidating(ChannelInitializer<SocketChannel> pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast("flush-consolidation", new FlushConsolidationHandler(MAX_FLUSHES_HELD, true));
            channel.pipeline().addLast(pipeline);
        }
    }

    public NettyRemotingClient() {
        this(ClientConfig.defaults());
    }

    @Override
    public RemotingCommand invokeSync(String address, RemotingCommand request, long timeoutMillis) {
        long start = System.nanoTime();
        NettyRemoteChannel channel;
        try {
            channel = connected(address);
        } catch (RemotingException e) {
            if (request.bodyBuf() != null) {
                request.bodyBuf().release(); // never sent: the buffer is still ours to free
            }
            throw e;
        }
        long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (left <= 0) {
            if (request.bodyBuf() != null) {
                request.bodyBuf().release();
            }
            throw new RemotingTimeoutException(address, "timeout after " + timeoutMillis
                    + " ms connecting to send request code " + request.code());
        }
        return channel.invokeSync(request, left, timeoutMillis);
    }

    @Override
    public CompletableFuture<RemotingCommand> invokeAsync(String address, RemotingCommand request, long timeoutMillis) {
        return whenConnected(address, request, timeoutMillis,
                (channel, left) -> channel.invoke(request, left, timeoutMillis));
    }

    @Override
    public <T> CompletableFuture<T> invokeAsync(String address, RemotingCommand request, long timeoutMillis,
            Function<RemotingCommand, T> reader) {
        return whenConnected(address, request, timeoutMillis,
                (channel, left) -> channel.invoke(request, left, timeoutMillis, reader));
    }

    /** Sends once connected with the time left of {@code timeoutMillis}; fails (freeing the body) when none is. */
    private <T> CompletableFuture<T> whenConnected(String address, RemotingCommand request, long timeoutMillis,
            BiFunction<NettyRemoteChannel, Long, CompletableFuture<T>> send) {
        long start = System.nanoTime();
        return channel(address).whenComplete((channel, error) -> {
            if (error != null && request.bodyBuf() != null) {
                request.bodyBuf().release(); // never sent: the buffer is still ours to free
            }
        }).thenCompose(channel -> {
            long left = timeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (left <= 0) {
                if (request.bodyBuf() != null) {
                    request.bodyBuf().release();
                }
                return CompletableFuture.failedFuture(new RemotingTimeoutException(address, "timeout after "
                        + timeoutMillis + " ms connecting to send request code " + request.code()));
            }
            return send.apply(channel, left);
        });
    }

    /** Waits for the connection (so a connect failure throws here), then sends without waiting. */
    @Override
    public void invokeOneway(String address, RemotingCommand request) {
        connected(address).invokeOneway(request);
    }

    @Override
    public void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor) {
        dispatcher.register(requestCode, processor, executor);
    }

    @Override
    public void registerChannelEventListener(ChannelEventListener listener) {
        events.add(listener);
    }

    @Override
    public void closeChannel(String address) {
        var connection = connections.remove(address);
        if (connection != null) {
            connection.thenAccept(NettyRemoteChannel::close);
        }
    }

    @Override
    public void close() {
        closed = true;
        connections.clear();
        allChannels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        events.close();
        callbacks.shutdown();
    }

    /** The connection to {@code address}, waiting while it opens; throws when it cannot be opened. */
    private NettyRemoteChannel connected(String address) {
        var connection = channel(address);
        if (connection.isDone() && !connection.isCompletedExceptionally()) {
            return connection.join();
        }
        try {
            return connection.get(config.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw asRemotingException(address, e.getCause());
        } catch (TimeoutException e) {
            throw new RemotingException(address, "connect to " + address + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemotingException(address, "interrupted connecting to " + address, e);
        }
    }

    /** The live connection to {@code address}, or one being opened; opens one when there is none. */
    CompletableFuture<NettyRemoteChannel> channel(String address) {
        while (true) {
            if (closed) {
                return CompletableFuture.failedFuture(new RemotingException(address, "client closed", null));
            }
            var existing = connections.get(address);
            if (existing != null) {
                if (!existing.isDone() || existing.getNow(null) != null && existing.getNow(null).isActive()) {
                    return existing;
                }
                connections.remove(address, existing); // failed or closed: open a new one
                continue;
            }
            var created = new CompletableFuture<NettyRemoteChannel>();
            if (connections.putIfAbsent(address, created) == null) {
                connect(address, created);
                return created;
            }
        }
    }

    private void connect(String address, CompletableFuture<NettyRemoteChannel> result) {
        HostAndPort target;
        try {
            target = HostAndPort.parse(address);
        } catch (IllegalArgumentException e) {
            connections.remove(address, result);
            result.completeExceptionally(new RemotingException(address, e.getMessage(), e));
            return;
        }
        // completed on the callback pool: what callers chain on it must not run on the event loop
        bootstrap.connect(target.host(), target.port()).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                f.channel().closeFuture().addListener(closed -> connections.remove(address, result));
                var channel = NettyRemoteChannel.obtain(f.channel(), callbacks);
                completeLater(() -> result.complete(channel));
            } else {
                connections.remove(address, result);
                var error = new RemotingException(address,
                        "connect to " + address + " failed: " + f.cause().getMessage(), f.cause());
                completeLater(() -> result.completeExceptionally(error));
            }
        });
    }

    private void completeLater(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            completion.run();
        }
    }

    private static RemotingException asRemotingException(String address, Throwable cause) {
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RemotingException remoting ? remoting
                : new RemotingException(address, "request failed: " + cause, cause);
    }

    /** "host:port", with IPv6 hosts in brackets or bare (the port follows the last colon). */
    private record HostAndPort(String host, int port) {
        static HostAndPort parse(String address) {
            int colon = address == null ? -1 : address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException("not a host:port address: " + address);
            }
            var host = address.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                return new HostAndPort(host, Integer.parseInt(address.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a host:port address: " + address, e);
            }
        }
    }
}
