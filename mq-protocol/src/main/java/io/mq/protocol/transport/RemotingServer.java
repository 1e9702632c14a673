package io.mq.protocol.transport;

import java.util.concurrent.ExecutorService;

/**
 * A Netty server speaking the remoting protocol. Register processors before {@link #start()}. A request with
 * no processor is answered REQUEST_CODE_NOT_SUPPORTED; a malformed frame closes only its connection.
 */
public interface RemotingServer extends AutoCloseable {

    void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor);

    void registerChannelEventListener(ChannelEventListener listener);

    /** Binds and starts serving; returns the bound port (useful when configured with port 0). */
    int start();

    int port();

    /** Stops accepting, closes connections, releases event loops (not the processors' executors). */
    @Override
    void close();
}
