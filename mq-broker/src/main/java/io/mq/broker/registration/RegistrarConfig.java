package io.mq.broker.registration;

import java.time.Duration;

/**
 * How a broker keeps itself registered.
 *
 * @param period           time between registrations (RocketMQ: 30 s; name servers drop a broker after 120 s)
 * @param requestTimeout   how long one name server may take to answer
 * @param compressBody     send the topic configs zlib-compressed (RocketMQ's {@code compressedRegister})
 * @param heartbeatTimeout asks the name servers to expire this broker after this long (5.x); null = their default
 */
public record RegistrarConfig(Duration period, Duration requestTimeout, boolean compressBody, Duration heartbeatTimeout) {

    public RegistrarConfig {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive");
        }
        if (requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    public static RegistrarConfig defaults() {
        return new RegistrarConfig(Duration.ofSeconds(30), Duration.ofSeconds(6), false, null);
    }

    public RegistrarConfig withPeriod(Duration newPeriod) {
        return new RegistrarConfig(newPeriod, requestTimeout, compressBody, heartbeatTimeout);
    }

    public RegistrarConfig withCompressBody(boolean compress) {
        return new RegistrarConfig(period, requestTimeout, compress, heartbeatTimeout);
    }
}
