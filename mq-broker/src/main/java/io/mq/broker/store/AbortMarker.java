package io.mq.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code abort} file: created when the store starts, deleted when it stops cleanly. Found at start, it means
 * the last run crashed and recovery must check the log's tail.
 */
final class AbortMarker {
    private final Path file;

    AbortMarker(Path rootDir) {
        this.file = rootDir.resolve("abort");
    }

    boolean isPresent() {
        return Files.exists(file);
    }

    void create() {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
