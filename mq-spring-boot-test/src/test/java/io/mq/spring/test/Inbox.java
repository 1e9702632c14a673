package io.mq.spring.test;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test listeners received, by listener name; tests await entries with a deadline. */
public class Inbox {

    private final ConcurrentHashMap<String, List<Object>> received = new ConcurrentHashMap<>();

    public void add(String listener, Object item) {
        received.computeIfAbsent(listener, k -> new CopyOnWriteArrayList<>()).add(item);
    }

    public List<Object> of(String listener) {
        return received.getOrDefault(listener, List.of());
    }

    /** Waits until {@code listener} received at least {@code count} items; returns them all. */
    public List<Object> await(String listener, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(listener).size() >= count);
        return List.copyOf(of(listener));
    }

    /** The first item matching the type, waiting for it. */
    public <T> T first(String listener, Class<T> type) {
        return type.cast(await(listener, 1).get(0));
    }
}
