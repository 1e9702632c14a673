package io.mq.broker.config;

import io.mq.protocol.json.Json;
import io.mq.protocol.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON config file that survives crashes: a write goes to {@code name.tmp}, is fsynced, the current file
 * becomes {@code name.bak} and the temp file takes its place by atomic renames. So at any instant either the
 * file or its backup holds a complete previous version, and {@link #load} falls back to the backup as
 * RocketMQ's ConfigManager does.
 */
public final class JsonConfigFile {

    private static final Logger log = LoggerFactory.getLogger(JsonConfigFile.class);

    private final Path file;
    private final Path backup;
    private final Path temp;

    public JsonConfigFile(Path file) {
        this.file = file.toAbsolutePath();
        this.backup = this.file.resolveSibling(this.file.getFileName() + ".bak");
        this.temp = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    public Path path() {
        return file;
    }

    public Path backupPath() {
        return backup;
    }

    /**
     * Reads and decodes the file, or its backup when the file is missing, empty, torn or fails to decode.
     * Empty when neither exists (first start). Throws {@link ConfigFileException} when something is on disk
     * but nothing usable: starting empty then would silently forget topics or offsets.
     */
    public synchronized <T> Optional<T> load(Function<JsonObject, T> decoder) {
        String fileProblem;
        try {
            var main = read(file, decoder);
            if (main.isPresent()) {
                return main;
            }
            fileProblem = "it does not exist";
        } catch (RuntimeException ex) {
            fileProblem = ex.getMessage();
        }
        try {
            var fromBackup = read(backup, decoder);
            if (fromBackup.isPresent()) {
                log.warn("{} unusable ({}); loaded the previous version from {}", file, fileProblem, backup);
                return fromBackup;
            }
        } catch (RuntimeException ex) {
            throw new ConfigFileException("cannot load " + file + ": " + fileProblem + "; and the backup "
                    + backup + " is unusable too: " + ex.getMessage(), ex);
        }
        if (Files.exists(file)) {
            throw new ConfigFileException("cannot load " + file + ": " + fileProblem + "; and there is no backup "
                    + backup + " to fall back to");
        }
        return Optional.empty();
    }

    /** Writes {@code json} (anything {@link Json#write} takes) atomically and durably. */
    public synchronized void store(Object json) {
        var bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.getParent());
            try (var channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.exists(file)) {
                move(file, backup);
            }
            move(temp, file);
            syncDirectory(file.getParent());
        } catch (IOException ex) {
            throw new ConfigFileException("cannot write " + file + ": " + ex, ex);
        }
    }

    /** Decoded content, empty when the file does not exist; throws with a reason when it is unusable. */
    private static <T> Optional<T> read(Path path, Function<JsonObject, T> decoder) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            return Optional.empty();
        } catch (IOException ex) {
            throw new ConfigFileException("cannot read " + path + ": " + ex, ex);
        }
        if (text.isBlank()) {
            throw new ConfigFileException(path + " is empty");
        }
        try {
            return Optional.of(decoder.apply(Json.parseObject(text)));
        } catch (RuntimeException ex) { // a parse error, or a decoder refusing a field
            throw new ConfigFileException(path + " is not a valid config: " + ex.getMessage(), ex);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable; some platforms cannot open a directory, and there the rename must do. */
    private static void syncDirectory(Path dir) {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ex) {
            log.debug("cannot fsync directory {}: {}", dir, ex.toString());
        }
    }
}
