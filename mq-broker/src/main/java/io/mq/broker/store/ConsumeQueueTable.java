package io.mq.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every consume queue of the store, created on the first message of a topic queue and found again on start. */
final class ConsumeQueueTable {
    private final Path root;
    private final int entriesPerFile;
    private final Map<TopicQueue, ConsumeQueue> queues = new ConcurrentHashMap<>();

    ConsumeQueueTable(Path root, int entriesPerFile) {
        this.root = root;
        this.entriesPerFile = entriesPerFile;
    }

    /** Loads every {@code <topic>/<queueId>} directory under the root. */
    void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var topics = Files.list(root)) {
            for (var topicDir : topics.filter(Files::isDirectory).toList()) {
                try (var queueDirs = Files.list(topicDir)) {
                    for (var queueDir : queueDirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                        var key = new TopicQueue(topicDir.getFileName().toString(),
                                Integer.parseInt(queueDir.getFileName().toString()));
                        var queue = new ConsumeQueue(key, queueDir, entriesPerFile);
                        queue.load();
                        queues.put(key, queue);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load consume queues from " + root, e);
        }
    }

    ConsumeQueue find(String topic, int queueId) {
        return queues.get(new TopicQueue(topic, queueId));
    }

    ConsumeQueue findOrCreate(String topic, int queueId) {
        return queues.computeIfAbsent(new TopicQueue(topic, queueId),
                key -> new ConsumeQueue(key, root.resolve(topic).resolve(Integer.toString(queueId)), entriesPerFile));
    }

    Collection<ConsumeQueue> all() {
        return queues.values();
    }

    void flushAll() {
        queues.values().forEach(ConsumeQueue::flush);
    }
}
