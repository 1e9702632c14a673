package io.mq.bench.driver;

/** Called once per delivered message, from the consumer's threads; must be quick and thread-safe. */
@FunctionalInterface
public interface MessageListener {
    void onMessage(byte[] body);
}
