package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * A Netty client speaking the remoting protocol: one reused connection per address, requests matched to
 * responses by opaque id, and processors for requests the server sends us.
 */
public interface RemotingClient extends AutoCloseable {

    /** Sends and waits; throws {@link RemotingException} on connect failure, timeout or close. */
    RemotingCommand invokeSync(String address, RemotingCommand request, long timeoutMillis);

    CompletableFuture<RemotingCommand> invokeAsync(String address, RemotingCommand request, long timeoutMillis);

    /**
     * Sends and answers what {@code reader} makes of the response, which it reads on the callback executor. Its body
     * may still be in the received frame ({@link RemotingCommand#bodyBuf()}, else {@link RemotingCommand#body()}):
     * the frame is released once the reader returns, so the reader must copy what it keeps. Spares the copy of a
     * large body that the reader decodes anyway (pulled messages). The reader's exception fails the future.
     */
    default <T> CompletableFuture<T> invokeAsync(String address, RemotingCommand request, long timeoutMillis,
            Function<RemotingCommand, T> reader) {
        return invokeAsync(address, request, timeoutMillis).thenApply(reader);
    }

    void invokeOneway(String address, RemotingCommand request);

    /** Handles requests that servers send to this client (e.g. CHECK_TRANSACTION_STATE). */
    void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor);

    void registerChannelEventListener(ChannelEventListener listener);

    /** Closes the connection to one address (e.g. after it failed). */
    void closeChannel(String address);

    @Override
    void close();
}
