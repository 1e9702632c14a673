/**
 * The message store: RocketMQ's commit log and consume queues, kept small.
 *
 * <p>Use {@link io.mq.broker.store.MessageStore} (built by {@link io.mq.broker.store.DefaultMessageStore} from a
 * {@link io.mq.broker.store.StoreConfig}). Layout under the root directory, as RocketMQ: {@code commitlog/} (segments
 * named by their 20-digit start offset), {@code consumequeue/<topic>/<queueId>/} (20-byte entries: commit-log
 * offset, size, tag hash), {@code index/} (the key and unique-id index, see {@link io.mq.broker.store.index.MessageIndex}),
 * {@code checkpoint}, {@code abort} (present while running) and {@code lock}.
 *
 * <p>Choices worth knowing:
 * <ul>
 * <li>One writer: {@link io.mq.broker.store.CommitLog} appends under a lock held only while encoding and writing
 *     (one positional write per append); the fsync happens on a flusher thread (group commit for SYNC_FLUSH,
 *     with zeros filled ahead of the writer so that an fsync commits no block allocation: see ZeroFiller).</li>
 * <li>The commit log is not memory-mapped: it is written and read with positional I/O, so its pages stay in the
 *     kernel's page cache and out of the broker's resident memory. A pull copies its messages into one buffer; the
 *     dispatcher and recovery read ahead 256 KB at a time. Consume queues (small) are mapped.</li>
 * <li>Consume queues are built by a dispatcher thread that follows the log's tail (as RocketMQ's reput service),
 *     so a message is pullable a moment after its append returns; listeners hear when.</li>
 * <li>Prepared and rollback transaction messages get queue offset 0 and no consume-queue entry, as in RocketMQ.</li>
 * <li>{@code offsetByTimestamp} answers the first offset stored at or after the time (RocketMQ picks the closest).</li>
 * <li>Recovery after a crash validates magic, size, the physical-offset field and the body CRC from the
 *     checkpoint's segment, zeroes everything after the first bad record and re-dispatches idempotently.</li>
 * <li>The key index is fed by the same dispatcher ({@link io.mq.broker.store.StoredMessageListener} sees every
 *     record); recovery cuts it at the commit log's end and re-dispatches from what it has not covered.</li>
 * <li>No retention (old segment deletion) and no HA yet.</li>
 * </ul>
 */
package io.mq.broker.store;
