package io.mq.client.consumer;

/**
 * How many listener calls one consume task makes in a row. A task per call costs a queue hand-off and, while the
 * consume threads are idle, the wake-up of a parked one: far more than a trivial listener call. So calls go together
 * until a task holds about {@link #TASK_NANOS} of listener time by the average call so far (a moving average), and a
 * task that runs past that hands its remaining calls back to the pool (see {@link ConcurrentDispatcher}), so slow or
 * suddenly slower calls still spread over the threads as they did with one call per task. Until calls have been
 * timed they count as slow: one call per task.
 */
final class ListenerPace {

    /** The listener time a task aims at: small against any latency that matters, large against a hand-off. */
    static final long TASK_NANOS = 200_000;

    private volatile long averageCallNanos = TASK_NANOS;

    /** A listener call took {@code nanos}. Racy updates lose a sample now and then, which an average can afford. */
    void record(long nanos) {
        long average = averageCallNanos;
        averageCallNanos = average + (Math.max(0, nanos) - average) / 8;
    }

    /** Listener calls for one task when {@code calls} are to be made: 1 to {@code calls}. */
    int callsPerTask(int calls) {
        long perTask = TASK_NANOS / Math.max(1, averageCallNanos);
        return (int) Math.max(1, Math.min(calls, perTask));
    }
}
