package io.mq.bench.run;

/** How the producer sends: the three ways RocketMQ clients offer. */
public enum SendMode {
    /** Wait for the broker's answer before the next send on that thread. */
    SYNC,
    /** Send and get the answer in a callback; bounded by --max-in-flight. */
    ASYNC,
    /** Fire and forget: no answer, so the latency is only the client-side call. */
    ONEWAY
}
