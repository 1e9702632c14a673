package io.mq.protocol.transport;

import java.util.concurrent.ExecutorService;

/**
 * A Netty server speaking the remoting protocol. Register processors before {@link #start()}. A request with
 * no processor is answered REQUEST_CODE_NOT_SUPPORTED; a malformed frame closes only its connection.
 */
public interface RemotingServer extends AutoCloseable {

    void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor);

    /**
     * Runs the processor on the connection's I/O thread: no hand-over to an executor and back, and the answers to
     * the requests of one read go out in one write. Only for processors that never wait (for the disk, a lock held
     * long, or a peer); one that must wait returns null and answers from elsewhere when it is done.
     */
    void registerIoThreadProcessor(int requestCode, RequestProcessor processor);

    void registerChannelEventListener(ChannelEventListener listener);

    /** Binds and starts serving; returns the bound port (useful when configured with port 0). */
    int start();

    int port();

    /** Stops accepting, closes connections, releases event loops (not the processors' executors). */
    @Override
    void close();
}
