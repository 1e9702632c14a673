package io.mq.bench.driver;

import java.util.function.Consumer;

/** A producer as the load runs use it. Failures are unchecked; a send that is not SEND_OK counts as failed. */
public interface BenchProducer extends AutoCloseable {

    /** Sends and waits for the broker's answer; throws {@link SendFailedException} unless it is SEND_OK. */
    void sendSync(String topic, byte[] body);

    /**
     * Sends and returns at once; {@code done} gets null on SEND_OK, the failure otherwise, on a client thread.
     * May also throw at once (e.g. when the client refuses the send).
     */
    void sendAsync(String topic, byte[] body, Consumer<Throwable> done);

    /** Sends without an answer. */
    void sendOneway(String topic, byte[] body);

    @Override
    void close();
}
