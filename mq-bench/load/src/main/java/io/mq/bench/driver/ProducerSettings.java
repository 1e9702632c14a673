package io.mq.bench.driver;

/**
 * What a producer needs to know.
 *
 * @param instanceName distinct per run, so the client does not share connections with another run in the same JVM
 */
public record ProducerSettings(String namesrv, String group, String instanceName) {
}
