package io.mq.broker.client;

import io.mq.protocol.transport.ChannelEventListener;
import io.mq.protocol.transport.RemoteChannel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client registries honest (RocketMQ's ClientHousekeepingService): a closed connection leaves
 * every group at once, and a scan drops clients silent for longer than the expiry. Register it with the
 * remoting server as its {@link ChannelEventListener}.
 */
public final class ClientHousekeeping implements ChannelEventListener, AutoCloseable {

    /** RocketMQ scans every 10 s. */
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ClientHousekeeping.class);

    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;
    private final Duration expiry;
    private final Duration scanInterval;
    private final LongSupplier clock;
    private ScheduledExecutorService scanner;

    public ClientHousekeeping(ConsumerRegistry consumers, ProducerRegistry producers) {
        this(consumers, producers, ConsumerRegistry.DEFAULT_EXPIRY, DEFAULT_SCAN_INTERVAL, System::currentTimeMillis);
    }

    public ClientHousekeeping(ConsumerRegistry consumers, ProducerRegistry producers, Duration expiry,
                              Duration scanInterval, LongSupplier clockMillis) {
        this.consumers = consumers;
        this.producers = producers;
        this.expiry = expiry;
        this.scanInterval = scanInterval;
        this.clock = clockMillis;
    }

    /** Starts the periodic scan on a daemon thread. */
    public synchronized void start() {
        if (scanner != null) {
            return;
        }
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "client-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long millis = scanInterval.toMillis();
        scanner.scheduleWithFixedDelay(this::scanQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Drops silent clients now. */
    public void scan() {
        long now = clock.getAsLong();
        consumers.expire(now, expiry);
        producers.expire(now, expiry);
    }

    @Override
    public void onDisconnect(RemoteChannel channel) {
        consumers.onChannelClosed(channel);
        producers.onChannelClosed(channel);
    }

    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.shutdownNow();
            scanner = null;
        }
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (RuntimeException ex) {
            log.warn("client housekeeping scan failed", ex);
        }
    }
}
