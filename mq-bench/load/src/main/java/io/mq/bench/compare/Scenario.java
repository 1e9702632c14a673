package io.mq.bench.compare;

import io.mq.testkit.FlushDiskType;

/** The measurements of issue 7, each on a broker in a given flush mode. */
enum Scenario {
    SEND_ASYNC_FLUSH("sync send, ASYNC_FLUSH", FlushDiskType.ASYNC_FLUSH, "BenchSendAsyncFlush"),
    CONSUME_BACKLOG("consume backlog, ASYNC_FLUSH", FlushDiskType.ASYNC_FLUSH, "BenchBacklog"),
    E2E_HALF_RATE("e2e at half our max, ASYNC_FLUSH", FlushDiskType.ASYNC_FLUSH, "BenchE2e"),
    SEND_SYNC_FLUSH("sync send, SYNC_FLUSH", FlushDiskType.SYNC_FLUSH, "BenchSendSyncFlush");

    private final String title;
    private final FlushDiskType flushDiskType;
    private final String topic;

    Scenario(String title, FlushDiskType flushDiskType, String topic) {
        this.title = title;
        this.flushDiskType = flushDiskType;
        this.topic = topic;
    }

    String title() {
        return title;
    }

    FlushDiskType flushDiskType() {
        return flushDiskType;
    }

    String topic() {
        return topic;
    }
}
