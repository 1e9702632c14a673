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

/**
 * The requests one connection has sent and awaits answers to, by opaque. Each entry ends exactly once:
 * answered, timed out (a timer per request), failed to send, or failed because the connection closed.
 * Futures are completed on the callback executor so that caller code never runs on a Netty event loop.
 */
final class ResponseTable {

    private record Pending(CompletableFuture<RemotingCommand> future, int code, ScheduledFuture<?> timeout) {
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
        var future = new CompletableFuture<RemotingCommand>();
        int opaque = request.opaque();
        int code = request.code();
        var timeout = timer.schedule(() -> fail(opaque, new RemotingTimeoutException(peer,
                "timeout after " + requestTimeoutMillis + " ms waiting for response to code " + code)),
                waitMillis, TimeUnit.MILLISECONDS);
        var previous = pending.put(opaque, new Pending(future, code, timeout));
        if (previous != null) { // opaque reused while still pending: the older caller can no longer be answered
            previous.timeout().cancel(false);
            completeLater(previous.future(), null, new RemotingException(peer,
                    "request opaque " + opaque + " reused before its response arrived", null));
        }
        return future;
    }

    /** Hands a response to its waiting request; false when none waits (it timed out or was never sent). */
    boolean complete(RemotingCommand response) {
        var entry = pending.remove(response.opaque());
        if (entry == null) {
            return false;
        }
        entry.timeout().cancel(false);
        completeLater(entry.future(), response, null);
        return true;
    }

    void fail(int opaque, RemotingException cause) {
        var entry = pending.remove(opaque);
        if (entry != null) {
            entry.timeout().cancel(false);
            completeLater(entry.future(), null, cause);
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

    private void completeLater(CompletableFuture<RemotingCommand> future, RemotingCommand response, Throwable error) {
        Runnable completion = () -> {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(response);
            }
        };
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) { // shutting down: better on this thread than never
            completion.run();
        }
    }
}
