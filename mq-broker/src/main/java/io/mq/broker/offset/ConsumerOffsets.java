package io.mq.broker.offset;

import io.mq.broker.config.ConfigFileException;
import io.mq.broker.config.JsonConfigFile;
import io.mq.protocol.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed consume offsets per (group, topic, queue) (RocketMQ's ConsumerOffsetManager). Commits are
 * memory-only and cheap; the table is written to {@code <storeRoot>/config/consumerOffset.json} every flush
 * interval (5 s by default) when it changed, and on {@link #close()}. A crash loses at most one interval of
 * commits: consumers then see those messages again, which at-least-once delivery allows.
 */
public final class ConsumerOffsets implements AutoCloseable {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsets.class);
    private static final char SEPARATOR = '@'; // never in a topic or group name

    private final JsonConfigFile file;
    private final Duration flushInterval;
    /** "topic@group" -> queueId -> offset, RocketMQ's own keying so the file matches theirs. */
    private final Map<String, Map<Integer, Long>> table = new ConcurrentHashMap<>();
    private volatile boolean dirty;
    /** Serializes writes; apart from the lifecycle monitor so close() can wait for a running flush. */
    private final Object flushLock = new Object();
    private ScheduledExecutorService flusher;

    private ConsumerOffsets(Path storeRoot, Duration flushInterval) {
        this.file = new JsonConfigFile(storeRoot.resolve("config").resolve("consumerOffset.json"));
        this.flushInterval = flushInterval;
        file.load(ConsumerOffsets::decode).ifPresent(table::putAll);
    }

    /** Loads the offsets (or their backup); call {@link #start()} to flush periodically. */
    public static ConsumerOffsets open(Path storeRoot) {
        return open(storeRoot, DEFAULT_FLUSH_INTERVAL);
    }

    public static ConsumerOffsets open(Path storeRoot, Duration flushInterval) {
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive, was " + flushInterval);
        }
        return new ConsumerOffsets(storeRoot, flushInterval);
    }

    /** Starts flushing every interval on a daemon thread. */
    public synchronized void start() {
        if (flusher != null) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "consumer-offset-flush");
            t.setDaemon(true);
            return t;
        });
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic flush and writes what changed since the last one. */
    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            flusher = null;
        }
        flush();
    }

    /**
     * Records the group's position in a queue. A smaller offset than the stored one is taken as well
     * (a reset or a consumer rewinding), as RocketMQ does.
     */
    public void commit(String group, String topic, int queueId, long offset) {
        table.computeIfAbsent(key(topic, group), k -> new ConcurrentHashMap<>()).put(queueId, offset);
        dirty = true;
    }

    /** The committed offset, or -1 when the group never committed one for that queue. */
    public long query(String group, String topic, int queueId) {
        var queues = table.get(key(topic, group));
        if (queues == null) {
            return -1;
        }
        return queues.getOrDefault(queueId, -1L);
    }

    /** Every committed queue offset of the group on the topic, by queue id. */
    public Map<Integer, Long> queueOffsets(String group, String topic) {
        var queues = table.get(key(topic, group));
        return queues == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(queues));
    }

    /** Groups that committed offsets on the topic. */
    public Set<String> groupsOf(String topic) {
        var groups = new TreeSet<String>();
        for (var k : table.keySet()) {
            int at = k.indexOf(SEPARATOR);
            if (k.substring(0, at).equals(topic)) {
                groups.add(k.substring(at + 1));
            }
        }
        return groups;
    }

    /** Topics the group committed offsets on. */
    public Set<String> topicsOf(String group) {
        var topics = new TreeSet<String>();
        for (var k : table.keySet()) {
            int at = k.indexOf(SEPARATOR);
            if (k.substring(at + 1).equals(group)) {
                topics.add(k.substring(0, at));
            }
        }
        return topics;
    }

    /** Forgets every offset of the group (a deleted subscription group); true when there were any. */
    public boolean removeGroup(String group) {
        boolean removed = table.keySet().removeIf(k -> k.substring(k.indexOf(SEPARATOR) + 1).equals(group));
        if (removed) {
            dirty = true;
        }
        return removed;
    }

    /** Forgets the group's offsets on one topic; true when there were any. */
    public boolean remove(String group, String topic) {
        boolean removed = table.remove(key(topic, group)) != null;
        if (removed) {
            dirty = true;
        }
        return removed;
    }

    /** Sets the given queues' offsets (admin reset by time or offset); other queues keep theirs. */
    public void reset(String group, String topic, Map<Integer, Long> offsets) {
        var queues = table.computeIfAbsent(key(topic, group), k -> new ConcurrentHashMap<>());
        queues.putAll(offsets);
        dirty = true;
    }

    /** The whole table keyed "topic@group", as RocketMQ sends it to a slave (GET_ALL_CONSUMER_OFFSET). */
    public Map<String, Map<Integer, Long>> snapshot() {
        var copy = new TreeMap<String, Map<Integer, Long>>();
        table.forEach((k, queues) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(queues))));
        return Collections.unmodifiableMap(copy);
    }

    /** The file's JSON form, {@code {"offsetTable":{"topic@group":{0:12}}}}. */
    public Map<String, Object> toJson() {
        var root = new LinkedHashMap<String, Object>();
        root.put("offsetTable", snapshot());
        return root;
    }

    /** Writes the table now if it changed since the last write; throws {@link ConfigFileException} on failure. */
    public void flush() {
        synchronized (flushLock) {
            if (!dirty) {
                return;
            }
            dirty = false; // before the snapshot: a commit racing the write marks the table dirty again
            try {
                file.store(toJson());
            } catch (RuntimeException ex) {
                dirty = true;
                throw ex;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException ex) {
            log.error("cannot persist consumer offsets; retrying at the next interval", ex);
        }
    }

    private static String key(String topic, String group) {
        return topic + SEPARATOR + group;
    }

    private static Map<String, Map<Integer, Long>> decode(JsonObject root) {
        var result = new ConcurrentHashMap<String, Map<Integer, Long>>();
        var offsetTable = root.object("offsetTable");
        if (offsetTable == null) {
            return result;
        }
        for (var entry : offsetTable.asMap().entrySet()) {
            var k = String.valueOf(entry.getKey());
            if (k.indexOf(SEPARATOR) <= 0) {
                throw new IllegalArgumentException("offset key '" + k + "' is not topic@group");
            }
            var queues = new ConcurrentHashMap<Integer, Long>();
            for (var q : JsonObject.asObject(entry.getValue(), k).asMap().entrySet()) {
                int queueId = Math.toIntExact(JsonObject.toLong(k + " queue id", q.getKey()));
                queues.put(queueId, JsonObject.toLong(k + " offset", q.getValue()));
            }
            result.put(k, queues);
        }
        return result;
    }
}
