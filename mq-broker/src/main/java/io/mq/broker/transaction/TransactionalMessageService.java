package io.mq.broker.transaction;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.AppendResult;
import io.mq.broker.store.AppendStatus;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.ResponseCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactional messages as RocketMQ's TransactionalMessageServiceImpl keeps them: half messages in
 * {@code RMQ_SYS_TRANS_HALF_TOPIC}, op records in {@code RMQ_SYS_TRANS_OP_HALF_TOPIC}, both scan positions in
 * {@link ConsumerOffsets} under {@link HalfMessages#CHECK_GROUP}, so the state lives in the commit log and survives a
 * restart. Beyond RocketMQ, a transaction ended twice (the producer's END racing the answer to a check, or a repeat)
 * is delivered once: ENDs and the scan decide under one lock against a {@link TransactionLedger}.
 */
public final class TransactionalMessageService {

    private static final Logger log = LoggerFactory.getLogger(TransactionalMessageService.class);

    private final MessageStore store;
    private final ConsumerOffsets offsets;
    private final TransactionSettings settings;
    private final Object lock = new Object();
    private final TransactionLedger ledger = new TransactionLedger();
    private final AtomicLong discarded = new AtomicLong();
    private final HalfQueueScan scan;

    public TransactionalMessageService(MessageStore store, ConsumerOffsets offsets, ProducerChannels producers,
            TransactionSettings settings) {
        this.store = store;
        this.offsets = offsets;
        this.settings = settings;
        this.scan = new HalfQueueScan(store, producers, settings, ledger, lock, discarded::incrementAndGet);
    }

    public TransactionSettings settings() {
        return settings;
    }

    /**
     * Rebuilds the ledger from the half queue (from its consume offset) and the op queue (from its consume offset).
     * Call once after the store has started and before ENDs or scans run.
     */
    public void recover() {
        synchronized (lock) {
            var recovered = new TransactionRecovery(store, offsets).rebuild(ledger);
            log.info("transactions recovered: half offset {}, op offset {}, {} ended and {} re-put transactions tracked,"
                    + " read {} half copies and {} op records in {} ms", recovered.halfOffset(), recovered.opOffset(),
                    ledger.endedCount(), ledger.reputCount(), recovered.halfCopiesRead(), recovered.opRecordsRead(),
                    recovered.elapsedMillis());
        }
    }

    /** The first phase: stores the message as a half message (the send path's seam for TRAN_MSG=true). */
    public CompletableFuture<AppendResult> prepare(MessageDraft draft) {
        return store.append(HalfMessages.toHalf(draft));
    }

    /**
     * END_TRANSACTION: commit re-puts the half message to its real topic and writes the op record; rollback writes
     * only the op record; unknown does nothing. Checked as RocketMQ checks it: a half message at that commit-log
     * offset, of that producer group, at that half queue offset. A transaction already ended is left alone.
     */
    public EndOutcome end(EndTransactionRequestHeader header) {
        int type = header.commitOrRollback();
        if (type != MessageSysFlag.TRANSACTION_COMMIT_TYPE && type != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return new EndOutcome.StillPending();
        }
        var found = store.lookMessageByOffset(header.commitLogOffset());
        if (found.isEmpty() || !SystemTopics.TRANS_HALF.equals(found.get().topic())) {
            return new EndOutcome.Refused(ResponseCode.SYSTEM_ERROR, "Find prepared transaction message failed: no"
                    + " half message at commit log offset " + header.commitLogOffset());
        }
        var half = found.get();
        String group = half.property(MessageProperties.PRODUCER_GROUP);
        if (group == null || !group.equals(header.producerGroup())) {
            return new EndOutcome.Refused(ResponseCode.SYSTEM_ERROR, "The producer group wrong: the half message"
                    + " belongs to " + group + ", the request names " + header.producerGroup());
        }
        if (half.queueOffset() != header.tranStateTableOffset()) {
            return new EndOutcome.Refused(ResponseCode.SYSTEM_ERROR, "The transaction state table offset wrong: the"
                    + " half message is at " + half.queueOffset() + ", the request says "
                    + header.tranStateTableOffset());
        }
        long origin = HalfMessages.origin(half, half.queueOffset());
        synchronized (lock) {
            if (ledger.isEnded(origin) || !ledger.isOpen(origin)) {
                log.debug("transaction {} (half offset {}) already ended; {} ignored", half.uniqueKey(), origin,
                        type == MessageSysFlag.TRANSACTION_COMMIT_TYPE ? "commit" : "rollback");
                return new EndOutcome.AlreadyEnded();
            }
            if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
                var delivered = store.append(HalfMessages.toCommitted(half));
                var refused = refusal(delivered);
                if (refused != null) {
                    return refused;
                }
                markEnded(half, origin);
                return new EndOutcome.Committed(delivered);
            }
            markEnded(half, origin);
            return new EndOutcome.RolledBack();
        }
    }

    /** Caller holds the lock. The op record comes after the re-put, so a crash between them can only lose the op. */
    private void markEnded(StoredMessage half, long origin) {
        var op = store.append(HalfMessages.opRecord(half.queueOffset(), origin, half.storeHost())).join();
        if (!op.status().isStored()) {
            log.error("op record for half offset {} not stored ({}): after a restart the transaction is checked again",
                    half.queueOffset(), op.status());
        }
        ledger.recordEnded(origin, op.status().isStored() ? op.queueOffset() : ledger.opLowWatermark());
    }

    private static EndOutcome.Refused refusal(CompletableFuture<AppendResult> append) {
        // Rejections complete at once; a stored message completes when durable, which nobody waits for here.
        if (!append.isDone()) {
            return null;
        }
        var status = append.join().status();
        if (status.isStored()) {
            return null;
        }
        return status == AppendStatus.MESSAGE_ILLEGAL
                ? new EndOutcome.Refused(ResponseCode.MESSAGE_ILLEGAL, "the committed message is illegal for the store")
                : new EndOutcome.Refused(ResponseCode.SERVICE_NOT_AVAILABLE, "the store refused the committed message: "
                        + status);
    }

    /**
     * One check scan over the half queue; commits both consume offsets when done. Runs on the check service's
     * thread (or a test's); never two at once.
     */
    public CheckRound check() {
        var round = scan.run();
        offsets.commit(HalfMessages.CHECK_GROUP, SystemTopics.TRANS_HALF, HalfMessages.QUEUE_ID, round.halfOffset());
        offsets.commit(HalfMessages.CHECK_GROUP, SystemTopics.TRANS_OP_HALF, HalfMessages.QUEUE_ID, round.opOffset());
        return round;
    }

    /** Half messages moved to TRANS_CHECK_MAX_TIME_TOPIC since this broker started. */
    public long discardedCount() {
        return discarded.get();
    }

    /** Ended transactions whose current half copy the scan has not passed yet (bounded by the scan). */
    public int endedAwaitingScan() {
        synchronized (lock) {
            return ledger.endedCount();
        }
    }
}
