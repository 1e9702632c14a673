package io.mq.broker.namesrv;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import io.mq.protocol.body.KVTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's namespaced key/value settings (e.g. ORDER_TOPIC_CONFIG). Kept in memory and, when given a
 * file, written there after every change in RocketMQ's {@code kvConfig.json} shape ({@code {"configTable":{ns:{k:v}}}}).
 */
public final class KvConfigStore {

    /** The namespace whose entries give the order-topic configuration of a topic. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private static final Logger log = LoggerFactory.getLogger(KvConfigStore.class);

    private final Path file;
    private final Map<String, Map<String, String>> table = new TreeMap<>();

    /** A store persisted to {@code file}, loading what is there; null keeps it in memory only. */
    public KvConfigStore(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            load();
        }
    }

    public static KvConfigStore inMemory() {
        return new KvConfigStore(null);
    }

    public synchronized void put(String namespace, String key, String value) {
        table.computeIfAbsent(namespace, n -> new TreeMap<>()).put(key, value);
        persist();
    }

    public synchronized Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(table.getOrDefault(namespace, Map.of()).get(key));
    }

    public synchronized void delete(String namespace, String key) {
        var entries = table.get(namespace);
        if (entries != null && entries.remove(key) != null) {
            if (entries.isEmpty()) {
                table.remove(namespace);
            }
            persist();
        }
    }

    /** All entries of the namespace, or empty when it has none. */
    public synchronized Optional<KVTable> namespace(String namespace) {
        var entries = table.get(namespace);
        return entries == null ? Optional.empty() : Optional.of(new KVTable(entries));
    }

    private void load() {
        try {
            var json = Json.parseObject(Files.readString(file));
            var config = json.object("configTable");
            if (config != null) {
                config.asMap().forEach((ns, entries) -> {
                    var map = new TreeMap<String, String>();
                    JsonObject.asObject(entries, "configTable." + ns).asMap()
                            .forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
                    table.put(String.valueOf(ns), map);
                });
            }
            log.info("loaded KV config from {}", file);
        } catch (IOException | RuntimeException e) {
            // A damaged file must not keep the name server from starting; RocketMQ logs and goes on too.
            log.warn("could not load KV config from {}: {}", file, e.toString());
        }
    }

    private void persist() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            var tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.write(Map.of("configTable", table)));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write KV config to " + file, e);
        }
    }
}
