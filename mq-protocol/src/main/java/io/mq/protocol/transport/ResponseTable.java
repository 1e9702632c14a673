package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The requests one connection has sent and awaits answers to, by opaque. Each entry ends exactly once:
 * answered, timed out, failed to send, or failed because the connection closed. An async request's future is
 * completed on the callback executor, so that caller code never runs on a Netty event loop, and a timer per request
 * times it out. A sync request's future is completed where its answer arrives: only its blocked caller waits on it,
 * so the hand-off to another thread would cost a wake-up and buy nothing; that caller times it out itself.
 */
final class ResponseTable {

    /**
     * @param future  completed with the response, or with what {@code reader} made of it
     * @param reader  null unless the request reads the body from the received frame
     * @param timeout null for a sync request
     */
    private record Pending(CompletableFuture<Object> future, Function<RemotingCommand, ?> reader, int code,
            ScheduledFuture<?> timeout) {
        void cancelTimeout() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }

    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final String peer;
    private final ScheduledExecutorService timer;
    private final Executor callbacks;

    ResponseTable(String peer, ScheduledExecutorService timer, Executor callbacks) {
        this.peer = peer;
        this.timer = timer;
        this.callbacks = callbacks;
    }

    CompletableFuture<RemotingCommand> register(RemotingCommand request, long timeoutMillis) {
        return register(request, timeoutMillis, timeoutMillis);
    }

    /** {@code requestTimeoutMillis} is the caller's whole timeout (part of it may have gone to connecting). */
    CompletableFuture<RemotingCommand> register(RemotingCommand request, long waitMillis, long requestTimeoutMillis) {
        return register(request, waitMillis, requestTimeoutMillis, null);
    }

    /**
     * With a {@code reader}, the future completes with what it makes of the response, read on the callback executor
     * while the response may still hold its frame (see {@link #readsFrame}); the frame is released after it.
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> register(RemotingCommand request, long waitMillis, long requestTimeoutMillis,
            Function<RemotingCommand, T> reader) {
        var future = new CompletableFuture<T>();
        int opaque = request.opaque();
        int code = request.code();
        var timeout = timer.schedule(() -> fail(opaque, new RemotingTimeoutException(peer,
                "timeout after " + requestTimeoutMillis + " ms waiting for response to code " + code)),
                waitMillis, TimeUnit.MILLISECONDS);
        add(opaque, new Pending((CompletableFuture<Object>) future, reader, code, timeout));
        return future;
    }

    /** Whether the request {@code opaque} reads its response's body from the received frame (it has a reader). */
    boolean readsFrame(int opaque) {
        var entry = pending.get(opaque);
        return entry != null && entry.reader() != null;
    }

    /**
     * A request whose caller blocks on the future (with no stage chained to it) and calls {@link #expire} when it
     * stops waiting; the future completes on the thread that delivers the answer.
     */
    @SuppressWarnings("unchecked")
    CompletableFuture<RemotingCommand> registerSync(RemotingCommand request) {
        var future = new CompletableFuture<RemotingCommand>();
        add(request.opaque(), new Pending((CompletableFuture<Object>) (CompletableFuture<?>) future, null,
                request.code(), null));
        return future;
    }

    /**
     * The sync caller of {@code opaque} gave up waiting: fails its entry with {@code cause}. False when the entry had
     * already ended (its future is complete, or about to be).
     */
    boolean expire(int opaque, RemotingException cause) {
        var entry = pending.remove(opaque);
        if (entry == null) {
            return false;
        }
        entry.future().completeExceptionally(cause);
        return true;
    }

    private void add(int opaque, Pending entry) {
        var previous = pending.put(opaque, entry);
        if (previous != null) { // opaque reused while still pending: the older caller can no longer be answered
            previous.cancelTimeout();
            completeLater(previous, null, new RemotingException(peer,
                    "request opaque " + opaque + " reused before its response arrived", null));
        }
    }

    /**
     * Hands a response to its waiting request; false when none waits (it timed out or was never sent), in which case
     * a frame the response holds is released here.
     */
    boolean complete(RemotingCommand response) {
        var entry = pending.remove(response.opaque());
        if (entry == null) {
            releaseFrame(response);
            return false;
        }
        entry.cancelTimeout();
        completeLater(entry, response, null);
        return true;
    }

    void fail(int opaque, RemotingException cause) {
        var entry = pending.remove(opaque);
        if (entry != null) {
            entry.cancelTimeout();
            completeLater(entry, null, cause);
        }
    }

    /** The connection is gone: every waiting request fails now rather than at its timeout. */
    void failAll(String reason) {
        for (var opaque : pending.keySet()) {
            var entry = pending.get(opaque);
            if (entry != null) {
                fail(opaque, new RemotingException(peer, reason + " before the response to code " + entry.code()
                        + " arrived", null));
            }
        }
    }

    int size() {
        return pending.size();
    }

    private void completeLater(Pending entry, RemotingCommand response, Throwable error) {
        if (response != null && response.bodyBuf() != null && entry.reader() == null) {
            copyFrame(response); // its request was answered by an entry that does not read frames (opaque reused)
        }
        var future = entry.future();
        if (entry.timeout() == null) { // sync: its caller only waits, no code of theirs runs here
            complete(future, response, error);
            return;
        }
        Runnable completion = entry.reader() == null || error != null
                ? () -> complete(future, response, error)
                : () -> read(future, entry.reader(), response);
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) { // shutting down: better on this thread than never
            completion.run();
        }
    }

    private static void read(CompletableFuture<Object> future, Function<RemotingCommand, ?> reader,
            RemotingCommand response) {
        Object value;
        try {
            value = reader.apply(response);
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
            return;
        } finally {
            releaseFrame(response);
        }
        future.complete(value);
    }

    private static void releaseFrame(RemotingCommand response) {
        var frame = response.bodyBuf();
        if (frame != null) {
            response.body(null); // no reference to a freed buffer stays reachable
            frame.release();
        }
    }

    private static void copyFrame(RemotingCommand response) {
        var frame = response.bodyBuf();
        var body = new byte[frame.readableBytes()];
        frame.readBytes(body);
        frame.release();
        response.body(body);
    }

    private static void complete(CompletableFuture<Object> future, RemotingCommand response, Throwable error) {
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(response);
        }
    }
}
