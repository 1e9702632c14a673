package io.mq.protocol.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remoting server on Netty NIO: one acceptor thread, worker event loops for I/O, processors on their own
 * executors. A malformed frame, a TLS handshake or an idle timeout closes only the connection concerned.
 */
public final class NettyRemotingServer implements RemotingServer {

    private static final Logger log = LoggerFactory.getLogger(NettyRemotingServer.class);

    private final ServerConfig config;
    private final RequestDispatcher dispatcher = new RequestDispatcher();
    private final ChannelEvents events = new ChannelEvents("remoting-server");
    private final ExecutorService callbacks;
    private final ChannelGroup connections = new DefaultChannelGroup("remoting-server", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private volatile int port = -1;

    public NettyRemotingServer(ServerConfig config) {
        this.config = config;
        this.callbacks = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("remoting-server-callback", true));
    }

    @Override
    public void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor) {
        dispatcher.register(requestCode, processor, executor);
    }

    @Override
    public void registerIoThreadProcessor(int requestCode, RequestProcessor processor) {
        dispatcher.registerOnIoThread(requestCode, processor);
    }

    @Override
    public void registerChannelEventListener(ChannelEventListener listener) {
        events.add(listener);
    }

    @Override
    public synchronized int start() {
        if (serverChannel != null) {
            throw new IllegalStateException("server already started on port " + port);
        }
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("remoting-acceptor", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.workerThreads(),
                new DefaultThreadFactory("remoting-server-io", true), NioIoHandler.newFactory());
        var handler = new RemotingHandler(dispatcher, events, callbacks, true);
        var initializer = new RemotingChannelInitializer(config.maxFrameLength(), config.idleTimeout(), true, handler,
                connections);
        var bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, false)
                .childHandler(initializer);
        var bind = bootstrap.bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            shutDownEventLoops();
            throw new RemotingException(config.bindAddress() + ":" + config.port(),
                    "cannot listen: " + bind.cause(), bind.cause());
        }
        serverChannel = bind.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("Remoting server listening on {}:{}", config.bindAddress(), port);
        return port;
    }

    @Override
    public int port() {
        return port;
    }

    /** The open connections' count (for health and tests). */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            connections.close().awaitUninterruptibly();
            log.info("Remoting server on port {} closed", port);
        }
        shutDownEventLoops();
        events.close();
        callbacks.shutdown();
    }

    private void shutDownEventLoops() {
        for (var group : new EventLoopGroup[] {acceptor, workers}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }
}
