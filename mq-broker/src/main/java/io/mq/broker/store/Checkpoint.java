package io.mq.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The commit-log offset up to which the commit log and every consume queue are known to be on disk, and when that
 * was recorded. Recovery after a crash starts from the segment holding it. Written whole to a temporary file and
 * moved into place, with a CRC, so a crash mid-write leaves the previous checkpoint.
 */
final class Checkpoint {
    private static final int LENGTH = 8 + 8 + 4;

    /** @param flushedOffset everything before it is flushed in the commit log and indexed in flushed consume queues */
    record State(long flushedOffset, long timestamp) {
        static final State EMPTY = new State(0, 0);
    }

    private final Path file;
    private final Path temporary;

    Checkpoint(Path rootDir) {
        this.file = rootDir.resolve("checkpoint");
        this.temporary = rootDir.resolve("checkpoint.tmp");
    }

    /** The last saved state; {@link State#EMPTY} when there is none or it is damaged. */
    State load() {
        try {
            if (!Files.exists(file)) {
                return State.EMPTY;
            }
            var bytes = ByteBuffer.wrap(Files.readAllBytes(file));
            if (bytes.remaining() != LENGTH) {
                return State.EMPTY;
            }
            long offset = bytes.getLong();
            long timestamp = bytes.getLong();
            int crc = bytes.getInt();
            return crc == crc(offset, timestamp) ? new State(offset, timestamp) : State.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void save(State state) {
        var bytes = ByteBuffer.allocate(LENGTH)
                .putLong(state.flushedOffset())
                .putLong(state.timestamp())
                .putInt(crc(state.flushedOffset(), state.timestamp()))
                .flip();
        try (var channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temporary, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + file, e);
        }
    }

    private static int crc(long offset, long timestamp) {
        var crc = new CRC32();
        crc.update(ByteBuffer.allocate(16).putLong(offset).putLong(timestamp).flip());
        return (int) crc.getValue();
    }
}
