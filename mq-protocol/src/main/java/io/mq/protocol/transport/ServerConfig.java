package io.mq.protocol.transport;

import java.time.Duration;

/**
 * Settings of a {@link NettyRemotingServer}.
 *
 * @param bindAddress    the interface to listen on ("0.0.0.0" for all)
 * @param port           the port, 0 for any free one
 * @param maxFrameLength largest accepted frame in bytes, length prefix included; longer ones close the connection
 * @param workerThreads  event-loop threads for I/O (0: Netty's default, twice the cores)
 * @param idleTimeout    a connection that neither reads nor writes this long is closed (zero: never)
 */
public record ServerConfig(String bindAddress, int port, int maxFrameLength, int workerThreads, Duration idleTimeout) {

    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

    public ServerConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
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

    /** All interfaces, 16 MiB frames, Netty's default thread count, 120 s idle timeout. */
    public static ServerConfig ofPort(int port) {
        return new ServerConfig("0.0.0.0", port, DEFAULT_MAX_FRAME_LENGTH, 0, DEFAULT_IDLE_TIMEOUT);
    }

    public ServerConfig withMaxFrameLength(int maxFrameLength) {
        return new ServerConfig(bindAddress, port, maxFrameLength, workerThreads, idleTimeout);
    }

    public ServerConfig withIdleTimeout(Duration idleTimeout) {
        return new ServerConfig(bindAddress, port, maxFrameLength, workerThreads, idleTimeout);
    }

    public ServerConfig withWorkerThreads(int workerThreads) {
        return new ServerConfig(bindAddress, port, maxFrameLength, workerThreads, idleTimeout);
    }

    public ServerConfig withBindAddress(String bindAddress) {
        return new ServerConfig(bindAddress, port, maxFrameLength, workerThreads, idleTimeout);
    }
}
