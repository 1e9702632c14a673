package io.mq.broker.transaction;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.GetMessageStatus;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageFormatException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a {@link TransactionLedger} after a start: the scan position from the half consume offset, the latest
 * re-put copy of each transaction from the half queue beyond it, and the ended transactions from the op records
 * beyond the op consume offset, both read in batches. Ended transactions the scan has already passed are dropped.
 */
final class TransactionRecovery {

    private static final Logger log = LoggerFactory.getLogger(TransactionRecovery.class);
    private static final int BATCH = 256;
    private static final int BATCH_BYTES = 8 * 1024 * 1024;

    private final MessageStore store;
    private final ConsumerOffsets offsets;

    TransactionRecovery(MessageStore store, ConsumerOffsets offsets) {
        this.store = store;
        this.offsets = offsets;
    }

    record Recovered(long halfOffset, long opOffset, long halfCopiesRead, long opRecordsRead, long elapsedMillis) {
    }

    Recovered rebuild(TransactionLedger ledger) {
        long started = System.currentTimeMillis();
        long halfOffset = consumeOffset(SystemTopics.TRANS_HALF);
        long opOffset = consumeOffset(SystemTopics.TRANS_OP_HALF);
        ledger.reset(halfOffset, store.maxOffset(SystemTopics.TRANS_OP_HALF, HalfMessages.QUEUE_ID));
        long halfRead = readQueue(SystemTopics.TRANS_HALF, halfOffset, false, buffer -> {
            var copy = MessageCodec.decode(buffer, false);
            long origin = HalfMessages.origin(copy, copy.queueOffset());
            if (origin != copy.queueOffset()) {
                ledger.recordReput(origin, copy.queueOffset()); // queue order: the last one read is the current copy
            }
        });
        long opRead = readQueue(SystemTopics.TRANS_OP_HALF, opOffset, true, buffer -> {
            var op = MessageCodec.decode(buffer, true);
            if (!HalfMessages.REMOVE_TAG.equals(op.tags())) {
                return;
            }
            long ended = HalfMessages.endedOffset(op);
            if (ended >= 0) {
                // Records without the origin property (a RocketMQ broker's) name the copy, which is the origin
                // unless the check re-put it.
                ledger.recordEnded(HalfMessages.origin(op, ended), op.queueOffset());
            }
        });
        ledger.dropPassed();
        return new Recovered(halfOffset, opOffset, halfRead, opRead, System.currentTimeMillis() - started);
    }

    /** The committed consume offset of the system group, or the queue's minimum when none was committed. */
    private long consumeOffset(String topic) {
        long committed = offsets.query(HalfMessages.CHECK_GROUP, topic, HalfMessages.QUEUE_ID);
        long min = store.minOffset(topic, HalfMessages.QUEUE_ID);
        return committed < 0 ? min : Math.max(committed, min);
    }

    private long readQueue(String topic, long from, boolean withBody, Consumer<ByteBuffer> each) {
        long position = from;
        long end = store.maxOffset(topic, HalfMessages.QUEUE_ID);
        long read = 0;
        while (position < end) {
            var batch = store.getMessages(HalfMessages.CHECK_GROUP, topic, HalfMessages.QUEUE_ID, position, BATCH,
                    BATCH_BYTES, MessageFilter.ALL);
            if (batch.status() != GetMessageStatus.FOUND) {
                if (batch.nextBeginOffset() <= position) {
                    break;
                }
                position = batch.nextBeginOffset();
                continue;
            }
            for (var buffer : batch.messages()) {
                try {
                    each.accept(buffer.duplicate());
                    read++;
                } catch (MessageFormatException e) {
                    log.error("{}: a record near queue offset {} does not decode; skipped (body read: {})", topic,
                            position, withBody, e);
                }
            }
            position = batch.nextBeginOffset();
        }
        return read;
    }
}
