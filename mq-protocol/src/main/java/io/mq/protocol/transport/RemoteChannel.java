package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One connection as the code above the transport sees it: who is on the other side, a way to answer a
 * request later, and a way to send requests to the peer (broker to client: check-back, notifications).
 */
public interface RemoteChannel {

    /** "ip:port" of the peer. */
    String remoteAddress();

    /** "ip:port" of our end. */
    String localAddress();

    boolean isActive();

    /** False while the peer reads slower than we write: the caller should hold back (back-pressure). */
    boolean isWritable();

    /** Sends {@code response} as the answer to {@code request} (opaque and serialization copied). */
    void reply(RemotingCommand request, RemotingCommand response);

    /** Sends a request to the peer and completes with its response, or exceptionally on timeout or close. */
    CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis);

    /** Sends a one-way request to the peer (no response expected). */
    void invokeOneway(RemotingCommand request);

    void close();

    /**
     * Runs tasks on the thread that does this connection's I/O, where an answer is written without a hand-over.
     * For short work that never waits; a channel without such a thread runs the task at once.
     */
    default Executor ioExecutor() {
        return Runnable::run;
    }
}
