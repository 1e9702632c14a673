package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broadcasting consumer's offsets, in {@code <dir>/<clientId>/<group>/offsets.tsv}: one line per queue,
 * {@code offset TAB queueId TAB brokerName TAB topic}, rewritten whole through a temporary file so a crash leaves
 * either the old or the new content.
 */
public final class LocalFileOffsetStore extends MemoryOffsets {

    private static final Logger log = LoggerFactory.getLogger(LocalFileOffsetStore.class);

    private final Path file;
    private final Map<MessageQueue, Long> stored = new HashMap<>();

    public LocalFileOffsetStore(Path dir, String clientId, String group) {
        this.file = dir.resolve(clientId.replaceAll("[^A-Za-z0-9._@-]", "_")).resolve(group).resolve("offsets.tsv");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var parts = line.split("\t", 4);
                if (parts.length == 4) {
                    var queue = new MessageQueue(parts[3], parts[2], Integer.parseInt(parts[1]));
                    long offset = Long.parseLong(parts[0]);
                    stored.put(queue, offset);
                    offsets.put(queue, offset);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read consumer offsets from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long readStored(MessageQueue queue) {
        return stored.getOrDefault(queue, -1L);
    }

    /** Writes every offset held (the queues given only decide that something is to be written). */
    @Override
    public synchronized void persist(Collection<MessageQueue> queues) {
        stored.putAll(offsets);
        var text = new StringBuilder();
        stored.forEach((queue, offset) -> text.append(offset).append('\t').append(queue.queueId()).append('\t')
                .append(queue.brokerName()).append('\t').append(queue.topic()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            var tmp = file.resolveSibling("offsets.tsv.tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("writing consumer offsets to {} failed: {}", file, e.getMessage());
        }
    }
}
