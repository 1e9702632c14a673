package io.mq.protocol.transport;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the registered listeners about connections opening and ending, on one thread of its own: never on an
 * event loop (listeners update registries), and in order, so a connection's connect comes before its disconnect.
 */
final class ChannelEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelEvents.class);

    private final List<ChannelEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    ChannelEvents(String name) {
        this.thread = Executors.newSingleThreadExecutor(new DefaultThreadFactory(name + "-channel-events", true));
    }

    void add(ChannelEventListener listener) {
        listeners.add(listener);
    }

    void connected(RemoteChannel channel) {
        fire(channel, "connect", listener -> listener.onConnect(channel));
    }

    void disconnected(RemoteChannel channel) {
        fire(channel, "disconnect", listener -> listener.onDisconnect(channel));
    }

    private void fire(RemoteChannel channel, String event, java.util.function.Consumer<ChannelEventListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            thread.execute(() -> {
                for (var listener : listeners) {
                    try {
                        call.accept(listener);
                    } catch (RuntimeException e) {
                        log.warn("Channel listener {} failed on {} of {}", listener, event, channel.remoteAddress(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Dropped {} event of {}: shutting down", event, channel.remoteAddress());
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
