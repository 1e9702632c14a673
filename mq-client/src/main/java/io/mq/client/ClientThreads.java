package io.mq.client;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named "mq-client-{role}-{n}", so a leak is easy to spot in a thread dump. */
public final class ClientThreads {

    /** Every thread this module starts has a name with this prefix. */
    public static final String PREFIX = "mq-client-";

    private ClientThreads() {
    }

    public static ThreadFactory factory(String role) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, PREFIX + role + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
