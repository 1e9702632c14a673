package io.mq.protocol.transport;

import java.time.Duration;

/**
 * Settings of a {@link NettyRemotingClient}.
 *
 * @param connectTimeout how long opening a connection may take (a request's own timeout may cut it shorter)
 * @param maxFrameLength largest accepted frame in bytes, length prefix included
 * @param workerThreads  event-loop threads for I/O (0: Netty's default, twice the cores)
 * @param idleTimeout    a connection that neither reads nor writes this long is closed (zero: never); the next
 *                       request reconnects
 */
public record ClientConfig(Duration connectTimeout, int maxFrameLength, int workerThreads, Duration idleTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public ClientConfig {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        if (maxFrameLength < 64) {
            throw new IllegalArgumentException("maxFrameLength too small: " + maxFrameLength);
        }
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must not be negative: " + workerThreads);
        }
        if (idleTimeout == null || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be zero or positive: " + idleTimeout);
        }
    }

    /** 3 s connect timeout, 16 MiB frames, Netty's default thread count, 120 s idle timeout. */
    public static ClientConfig defaults() {
        return new ClientConfig(DEFAULT_CONNECT_TIMEOUT, ServerConfig.DEFAULT_MAX_FRAME_LENGTH, 0,
                ServerConfig.DEFAULT_IDLE_TIMEOUT);
    }

    public ClientConfig withConnectTimeout(Duration connectTimeout) {
        return new ClientConfig(connectTimeout, maxFrameLength, workerThreads, idleTimeout);
    }

    public ClientConfig withIdleTimeout(Duration idleTimeout) {
        return new ClientConfig(connectTimeout, maxFrameLength, workerThreads, idleTimeout);
    }

    public ClientConfig withMaxFrameLength(int maxFrameLength) {
        return new ClientConfig(connectTimeout, maxFrameLength, workerThreads, idleTimeout);
    }
}
