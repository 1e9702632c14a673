package io.mq.bench.driver;

/**
 * What a push consumer needs to know. It subscribes to every tag and starts from the first offset.
 *
 * @param threads how many threads run the listener
 */
public record ConsumerSettings(String namesrv, String group, String topic, int threads, String instanceName) {
}
