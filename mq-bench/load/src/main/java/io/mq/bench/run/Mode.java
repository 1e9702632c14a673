package io.mq.bench.run;

/** What a load run measures. */
public enum Mode {
    /** Send as fast as possible (or at a rate): throughput and send latency. */
    PRODUCE,
    /** Drain a backlog: consume throughput. */
    CONSUME,
    /** Produce and consume together: latency from the send time carried in the body to delivery. */
    E2E
}
