package io.mq.bench.driver;

/** A running consumer; closing it stops delivery. */
public interface BenchConsumer extends AutoCloseable {
    @Override
    void close();
}
