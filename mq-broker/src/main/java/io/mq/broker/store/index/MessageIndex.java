package io.mq.broker.store.index;

import io.mq.protocol.message.StoredMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and unique-id index of the commit log (RocketMQ's IndexService): {@code topic#key} to commit-log
 * offsets, in files under {@code <storeRoot>/index/} named by the first commit-log offset they may hold. Fed
 * in log order by the store's dispatcher; each file records the time span it covers, so a query reads only the
 * files of its time range. One writer; queries run beside it under a read lock.
 */
public final class MessageIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageIndex.class);

    private final Path dir;
    private final IndexConfig config;
    private final List<IndexFile> files = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Commit-log offset after the last record seen, when no file exists yet to record it. */
    private long coveredWithoutFile;

    private MessageIndex(Path dir, IndexConfig config) {
        this.dir = dir;
        this.config = config;
    }

    /** Opens the index in {@code dir}, creating the directory; files that are not index files are ignored. */
    public static MessageIndex open(Path dir, IndexConfig config) {
        var index = new MessageIndex(dir, config);
        try {
            Files.createDirectories(dir);
            try (Stream<Path> paths = Files.list(dir)) {
                paths.filter(p -> p.getFileName().toString().matches("\\d{20}"))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .forEach(index::load);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open index " + dir, e);
        }
        return index;
    }

    private void load(Path path) {
        var file = IndexFile.open(path);
        if (file == null) {
            log.warn("index: {} is not an index file, ignored", path);
        } else {
            files.add(file);
        }
    }

    /**
     * The commit-log offset from which the index still needs records: after a restart the store re-dispatches
     * from here (or earlier) so nothing is missed.
     */
    public long coveredOffset() {
        lock.readLock().lock();
        try {
            return files.isEmpty() ? coveredWithoutFile : last().coveredOffset();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Indexes a message under its unique id and keys, unless the index has already covered its offset (a
     * re-dispatch after a restart). Called by the one dispatcher thread in commit-log order.
     */
    public void add(StoredMessage message) {
        long offset = message.commitLogOffset();
        long next = offset + message.storeSize();
        lock.writeLock().lock();
        try {
            if (offset < coveredOffsetLocked()) {
                return;
            }
            for (var key : IndexKeys.of(message)) {
                var file = writableFile(offset);
                if (file == null) {
                    log.warn("index: message at {} has more keys than a file holds; {} not indexed", offset, key);
                    break;
                }
                file.put(IndexKeys.hash(key), offset, message.storeTimestamp());
            }
            if (files.isEmpty()) {
                coveredWithoutFile = next;
            } else {
                last().coverTo(next);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Commit-log offsets of messages indexed under {@code topic#key} and stored within [{@code begin},
     * {@code end}] (epoch ms), at most {@code maxNum}, newest files first; returned in ascending order.
     */
    public IndexHits query(String topic, String key, int maxNum, long begin, long end) {
        int hash = IndexKeys.hash(IndexKeys.indexKey(topic, key));
        var found = new ArrayList<Long>();
        lock.readLock().lock();
        try {
            if (files.isEmpty()) {
                return IndexHits.NONE;
            }
            var newest = lastNonEmpty();
            for (int i = files.size() - 1; i >= 0 && found.size() < maxNum; i--) {
                var file = files.get(i);
                if (file.overlaps(begin, end)) {
                    file.collect(hash, begin, end, maxNum, found);
                }
                if (!file.isEmpty() && file.beginTimestamp() < begin) {
                    break; // older files hold only older messages
                }
            }
            Collections.sort(found);
            return new IndexHits(found, newest == null ? 0 : newest.endTimestamp(),
                    newest == null ? 0 : newest.endOffset());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Forgets every entry that points at or beyond {@code commitLogEnd}: recovery cut the commit log there, so the
     * index never names a message that is gone. Files that start beyond it are deleted.
     */
    public void truncateBeyond(long commitLogEnd) {
        lock.writeLock().lock();
        try {
            while (!files.isEmpty() && last().startOffset() >= commitLogEnd) {
                var file = files.remove(files.size() - 1);
                file.delete();
                coveredWithoutFile = file.startOffset();
                log.info("index: deleted {}, which starts beyond the commit log's end {}", file.path(), commitLogEnd);
            }
            if (!files.isEmpty()) {
                last().truncateBeyond(commitLogEnd);
            }
            coveredWithoutFile = Math.min(coveredWithoutFile, commitLogEnd);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forces the newest file to disk (full files were forced when the index moved past them). */
    public void flush() {
        lock.readLock().lock();
        try {
            if (!files.isEmpty()) {
                last().flush();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many index files exist (for tests and metrics). */
    public int fileCount() {
        lock.readLock().lock();
        try {
            return files.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private long coveredOffsetLocked() {
        return files.isEmpty() ? coveredWithoutFile : last().coveredOffset();
    }

    /**
     * The file that takes the next entry, rolling to a new one (named by {@code offset}) when full; null when a
     * file named by that offset is already full (one message with more keys than a file holds).
     */
    private IndexFile writableFile(long offset) {
        if (!files.isEmpty() && !last().isFull()) {
            return last();
        }
        if (!files.isEmpty()) {
            if (last().startOffset() >= offset) {
                return null;
            }
            last().flush();
        }
        var file = IndexFile.create(dir, offset, config);
        files.add(file);
        return file;
    }

    private IndexFile last() {
        return files.get(files.size() - 1);
    }

    private IndexFile lastNonEmpty() {
        for (int i = files.size() - 1; i >= 0; i--) {
            if (!files.get(i).isEmpty()) {
                return files.get(i);
            }
        }
        return null;
    }
}
