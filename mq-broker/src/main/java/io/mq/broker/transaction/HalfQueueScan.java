package io.mq.broker.transaction;

import io.mq.broker.store.GetMessageStatus;
import io.mq.broker.store.MessageFilter;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.StoredMessage;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemoteChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of RocketMQ's check (TransactionalMessageServiceImpl.check) over half queue 0, from the scan position
 * to the end the queue had when the pass began (so copies it re-puts wait for the next pass). Each copy is decided under the service's lock: passed when its
 * transaction ended, left for later when young (the pass stops there, as RocketMQ's does), discarded after
 * {@code checkMax} checks, otherwise re-put at the tail with the check count raised and asked about. Re-putting
 * instead of waiting in place is what keeps the scan forward-only and the consume offset moving.
 */
final class HalfQueueScan {

    private static final Logger log = LoggerFactory.getLogger(HalfQueueScan.class);
    private static final int BATCH = 32;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;
    /** RocketMQ's MAX_PROCESS_TIME_LIMIT: a pass yields after a minute, the next one goes on from there. */
    private static final long MAX_PASS_MILLIS = 60_000;

    private final MessageStore store;
    private final ProducerChannels producers;
    private final TransactionSettings settings;
    private final TransactionLedger ledger;
    private final Object lock;
    private final Runnable onDiscard;

    HalfQueueScan(MessageStore store, ProducerChannels producers, TransactionSettings settings,
            TransactionLedger ledger, Object lock, Runnable onDiscard) {
        this.store = store;
        this.producers = producers;
        this.settings = settings;
        this.ledger = ledger;
        this.lock = lock;
        this.onDiscard = onDiscard;
    }

    /** What to do with one copy; a check to send is sent after the lock is released. */
    private sealed interface Step {
        record Pass(boolean skipped) implements Step {
        }

        record Stop() implements Step {
        }

        record Deferred() implements Step {
        }

        record Discarded() implements Step {
        }

        record Check(RemoteChannel channel, RemotingCommand request) implements Step {
        }
    }

    CheckRound run() {
        long started = System.currentTimeMillis();
        long end = store.maxOffset(SystemTopics.TRANS_HALF, HalfMessages.QUEUE_ID);
        long position;
        synchronized (lock) {
            position = ledger.scanPosition();
        }
        long examined = 0, skipped = 0, checked = 0, deferred = 0, discarded = 0;
        scan:
        while (position < end && System.currentTimeMillis() - started < MAX_PASS_MILLIS) {
            var batch = store.getMessages(HalfMessages.CHECK_GROUP, SystemTopics.TRANS_HALF, HalfMessages.QUEUE_ID,
                    position, BATCH, BATCH_BYTES, MessageFilter.ALL);
            if (batch.status() != GetMessageStatus.FOUND) {
                if (batch.nextBeginOffset() <= position) {
                    break;
                }
                // Entries gone from the commit log or below the queue's minimum: nothing to decide there.
                log.warn("half queue offsets {}..{} unreadable ({}); moving on", position, batch.nextBeginOffset(),
                        batch.status());
                position = batch.nextBeginOffset();
                synchronized (lock) {
                    ledger.advanceScan(position);
                }
                continue;
            }
            for (var buffer : batch.messages()) {
                StoredMessage copy;
                try {
                    copy = MessageCodec.decode(buffer.duplicate(), true);
                } catch (MessageFormatException e) {
                    log.error("half message at queue offset {} does not decode; passed over", position, e);
                    copy = null;
                }
                if (copy != null && copy.queueOffset() >= end) {
                    break scan;
                }
                Step step;
                synchronized (lock) {
                    step = copy == null ? new Step.Pass(true) : decide(copy);
                    if (step instanceof Step.Stop) {
                        break scan;
                    }
                    position = copy == null ? position + 1 : copy.queueOffset() + 1;
                    ledger.advanceScan(position);
                }
                examined++;
                if (step instanceof Step.Pass pass && pass.skipped()) {
                    skipped++;
                } else if (step instanceof Step.Deferred) {
                    deferred++;
                } else if (step instanceof Step.Discarded) {
                    discarded++;
                } else if (step instanceof Step.Check check) {
                    send(check);
                    checked++;
                }
            }
            position = Math.max(position, batch.nextBeginOffset());
        }
        long halfOffset;
        long opOffset;
        synchronized (lock) {
            halfOffset = ledger.scanPosition();
            opOffset = ledger.opLowWatermark();
        }
        var round = new CheckRound(examined, skipped, checked, deferred, discarded, halfOffset, opOffset,
                System.currentTimeMillis() - started);
        if (examined > 0) {
            log.info("transaction check: {}", round);
        }
        return round;
    }

    /** Caller holds the lock. */
    private Step decide(StoredMessage copy) {
        long offset = copy.queueOffset();
        long origin = HalfMessages.origin(copy, offset);
        if (!ledger.isCurrentCopy(origin, offset)) {
            return new Step.Pass(true); // an older copy: a later one stands for the transaction
        }
        if (ledger.isEnded(origin)) {
            ledger.forget(origin);
            return new Step.Pass(true);
        }
        long now = System.currentTimeMillis();
        long age = now - copy.bornTimestamp();
        long immunity = HalfMessages.immunityMillis(copy, settings.timeout().toMillis());
        if (age >= 0 && age < immunity) {
            if (copy.property(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS) == null) {
                return new Step.Stop(); // younger than the timeout; later copies are younger still
            }
            // The producer asked for a longer immunity: keep it at the tail so the copies behind it are not held up.
            return reput(copy, origin, HalfMessages.checkTimes(copy)) ? new Step.Deferred() : new Step.Stop();
        }
        int checkTimes = HalfMessages.checkTimes(copy);
        if (checkTimes >= settings.checkMax()) {
            return discard(copy, origin) ? new Step.Discarded() : new Step.Stop();
        }
        String group = copy.property(MessageProperties.PRODUCER_GROUP);
        var channel = group == null ? Optional.<RemoteChannel>empty() : producers.anyLiveChannel(group);
        if (channel.isEmpty() && age < settings.offlineGrace().toMillis()) {
            // Nobody to ask: a round without a producer does not use up a check (RocketMQ would count it).
            return reput(copy, origin, checkTimes) ? new Step.Deferred() : new Step.Stop();
        }
        var stored = reputAndRead(copy, origin, checkTimes + 1);
        if (stored == null) {
            return new Step.Stop();
        }
        if (channel.isEmpty()) {
            log.warn("no producer of group {} connected to check transaction {}", group, copy.uniqueKey());
            return new Step.Deferred();
        }
        return new Step.Check(channel.get(), checkRequest(stored));
    }

    private boolean reput(StoredMessage copy, long origin, int checkTimes) {
        var result = store.append(HalfMessages.toCheckCopy(copy, origin, checkTimes)).join();
        if (!result.status().isStored()) {
            log.error("re-put of half message {} failed ({}); the scan stops here", copy.uniqueKey(), result.status());
            return false;
        }
        ledger.recordReput(origin, result.queueOffset());
        return true;
    }

    private StoredMessage reputAndRead(StoredMessage copy, long origin, int checkTimes) {
        MessageDraft draft = HalfMessages.toCheckCopy(copy, origin, checkTimes);
        var result = store.append(draft).join();
        if (!result.status().isStored()) {
            log.error("re-put of half message {} failed ({}); the scan stops here", copy.uniqueKey(), result.status());
            return null;
        }
        ledger.recordReput(origin, result.queueOffset());
        return store.lookMessageByOffset(result.physicalOffset()).orElse(null);
    }

    /** Moves the message to TRANS_CHECK_MAX_TIME_TOPIC and ends it with an op record, so no restart revives it. */
    private boolean discard(StoredMessage copy, long origin) {
        var result = store.append(HalfMessages.toDiscarded(copy)).join();
        if (!result.status().isStored()) {
            log.error("moving half message {} to {} failed ({})", copy.uniqueKey(), SystemTopics.TRANS_CHECK_MAX_TIME,
                    result.status());
            return false;
        }
        log.warn("transaction {} of group {} checked {} times without an answer: moved to {} at offset {}",
                copy.uniqueKey(), copy.property(MessageProperties.PRODUCER_GROUP), settings.checkMax(),
                SystemTopics.TRANS_CHECK_MAX_TIME, result.queueOffset());
        var op = store.append(HalfMessages.opRecord(copy.queueOffset(), origin, copy.storeHost())).join();
        if (op.status().isStored()) {
            ledger.recordEnded(origin, op.queueOffset());
        }
        ledger.forget(origin);
        onDiscard.run();
        return true;
    }

    private static RemotingCommand checkRequest(StoredMessage copy) {
        String uniqueKey = copy.uniqueKey();
        var header = new CheckTransactionStateRequestHeader(copy.queueOffset(), copy.commitLogOffset(), uniqueKey,
                uniqueKey, copy.offsetMsgId());
        return RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE, header)
                .body(HalfMessages.checkRequestBody(copy))
                .markOneway();
    }

    private static void send(Step.Check check) {
        try {
            check.channel().invokeOneway(check.request());
        } catch (RuntimeException e) {
            log.warn("sending a transaction check to {} failed", check.channel().remoteAddress(), e);
        }
    }
}
