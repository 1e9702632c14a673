package io.mq.broker.transaction;

import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * The shapes a transactional message takes in the commit log, as RocketMQ's TransactionalMessageBridge and
 * EndTransactionProcessor build them: the half message under {@code RMQ_SYS_TRANS_HALF_TOPIC}, its copies re-put
 * by the check, the committed message on the real topic, the op record, and the discarded copy.
 */
public final class HalfMessages {

    /** RocketMQ's system consumer group under which the half and op queue offsets are kept (MixAll). */
    public static final String CHECK_GROUP = "CID_RMQ_SYS_TRANS";
    /** The tag of an op record that says "this half message is ended" (TransactionalMessageUtil.REMOVETAG). */
    public static final String REMOVE_TAG = "d";
    /** The half and op topics have one queue each. */
    public static final int QUEUE_ID = 0;

    private HalfMessages() {
    }

    /**
     * Whether a send is the first phase of a transaction: TRAN_MSG is "true" (RocketMQ parses it as a boolean),
     * except for a consumed transactional message sent back for a delayed retry by a client older than 4.6.1.
     */
    public static boolean isPrepared(MessageDraft draft) {
        if (!Boolean.parseBoolean(draft.property(MessageProperties.TRANSACTION_PREPARED))) {
            return false;
        }
        String delay = draft.property(MessageProperties.DELAY_TIME_LEVEL);
        boolean delayedRetry = draft.reconsumeTimes() > 0 && delay != null && !"0".equals(delay);
        return !delayedRetry;
    }

    /**
     * The half message: the real topic and queue kept in REAL_TOPIC / REAL_QID, the transaction type cleared (so it
     * enters the half topic's consume queue, where the check scans it), stored in half queue 0.
     */
    public static MessageDraft toHalf(MessageDraft draft) {
        var properties = new LinkedHashMap<>(draft.properties());
        properties.put(MessageProperties.REAL_TOPIC, draft.topic());
        properties.put(MessageProperties.REAL_QUEUE_ID, Integer.toString(draft.queueId()));
        return draft.withProperties(properties)
                .withSysFlag(MessageSysFlag.withTransactionType(draft.sysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE))
                .withTopic(SystemTopics.TRANS_HALF)
                .withQueueId(QUEUE_ID);
    }

    /**
     * The committed message for its real topic and queue: the half's body, flag, born time and hosts; its
     * properties without REAL_TOPIC, REAL_QID and TRAN_MSG (PGROUP and UNIQ_KEY kept, so consumers see the msg id
     * the producer saw); the commit transaction type; the half's commit-log offset as the prepared offset; and
     * TRAN_PREPARED_QUEUE_OFFSET naming the half queue offset it came from.
     */
    public static MessageDraft toCommitted(StoredMessage half) {
        var properties = new LinkedHashMap<>(half.properties());
        properties.remove(MessageProperties.REAL_TOPIC);
        properties.remove(MessageProperties.REAL_QUEUE_ID);
        properties.remove(MessageProperties.TRANSACTION_PREPARED);
        properties.remove(MessageProperties.WAIT_STORE_MSG_OK);
        properties.put(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET, Long.toString(half.queueOffset()));
        int sysFlag = MessageSysFlag.withTransactionType(half.sysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        return new MessageDraft(realTopic(half), realQueueId(half), half.flag(), half.body(), properties, sysFlag,
                half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), half.commitLogOffset());
    }

    /**
     * A copy of a half message for the tail of the half queue, which keeps the scan moving forward: the check count
     * set to {@code checkTimes} and TRAN_PREPARED_QUEUE_OFFSET naming the transaction's first half offset, so an
     * END for any copy settles the same transaction. WAIT=false: the scan never waits for a flush.
     */
    public static MessageDraft toCheckCopy(StoredMessage half, long origin, int checkTimes) {
        var properties = new LinkedHashMap<>(half.properties());
        properties.put(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET, Long.toString(origin));
        if (checkTimes > 0) {
            properties.put(MessageProperties.TRANSACTION_CHECK_TIMES, Integer.toString(checkTimes));
        }
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "false");
        return new MessageDraft(SystemTopics.TRANS_HALF, QUEUE_ID, half.flag(), half.body(), properties,
                half.sysFlag(), half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), 0L);
    }

    /** A half message checked too often, for the operator's TRANS_CHECK_MAX_TIME_TOPIC (one queue). */
    public static MessageDraft toDiscarded(StoredMessage half) {
        var properties = new LinkedHashMap<>(half.properties());
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "false");
        return new MessageDraft(SystemTopics.TRANS_CHECK_MAX_TIME, 0, half.flag(), half.body(), properties,
                half.sysFlag(), half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), 0L);
    }

    /**
     * The op record that ends a half message: tag "d", body = the ended copy's half queue offset as decimal text
     * (what RocketMQ writes and reads); TRAN_PREPARED_QUEUE_OFFSET adds the transaction's first half offset, so a
     * restart knows which transaction the record settles whichever copy was ended.
     */
    public static MessageDraft opRecord(long halfQueueOffset, long origin, InetSocketAddress host) {
        var properties = new LinkedHashMap<String, String>();
        properties.put(MessageProperties.TAGS, REMOVE_TAG);
        properties.put(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET, Long.toString(origin));
        properties.put(MessageProperties.WAIT_STORE_MSG_OK, "false");
        return new MessageDraft(SystemTopics.TRANS_OP_HALF, QUEUE_ID, 0,
                Long.toString(halfQueueOffset).getBytes(StandardCharsets.UTF_8), properties, 0,
                System.currentTimeMillis(), host, 0, 0L);
    }

    /** The half queue offset an op record ends (its body), or -1 when the body is not a number. */
    public static long endedOffset(StoredMessage opRecord) {
        try {
            return Long.parseLong(new String(opRecord.body(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The first half offset of the transaction this half copy (or op record) belongs to: TRAN_PREPARED_QUEUE_OFFSET
     * when a copy carries it, else {@code fallback} (the message's own offset: it is the first copy).
     */
    public static long origin(StoredMessage message, long fallback) {
        String value = message.property(MessageProperties.TRANSACTION_PREPARED_QUEUE_OFFSET);
        if (value == null) {
            return fallback;
        }
        try {
            long origin = Long.parseLong(value);
            return origin >= 0 ? origin : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** How often the message was checked (TRANSACTION_CHECK_TIMES), 0 before the first check. */
    public static int checkTimes(StoredMessage half) {
        String value = half.property(MessageProperties.TRANSACTION_CHECK_TIMES);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * How long the message is spared from checks, in ms: CHECK_IMMUNITY_TIME_IN_SECONDS when the producer set it
     * (RocketMQ: -1 or unparsable means the broker's timeout), else {@code transactionTimeoutMillis}.
     */
    public static long immunityMillis(StoredMessage half, long transactionTimeoutMillis) {
        String value = half.property(MessageProperties.CHECK_IMMUNITY_TIME_IN_SECONDS);
        if (value == null) {
            return transactionTimeoutMillis;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? transactionTimeoutMillis : seconds * 1000;
        } catch (NumberFormatException e) {
            return transactionTimeoutMillis;
        }
    }

    public static String realTopic(StoredMessage half) {
        String topic = half.property(MessageProperties.REAL_TOPIC);
        return topic != null ? topic : half.topic();
    }

    public static int realQueueId(StoredMessage half) {
        String queueId = half.property(MessageProperties.REAL_QUEUE_ID);
        try {
            return queueId != null ? Integer.parseInt(queueId) : half.queueId();
        } catch (NumberFormatException e) {
            return half.queueId();
        }
    }

    /**
     * The body of CHECK_TRANSACTION_STATE: the half copy in the stored encoding with its real topic and queue (as
     * RocketMQ's check listener re-encodes it), so the producer's listener sees the message it sent.
     */
    public static byte[] checkRequestBody(StoredMessage half) {
        var draft = new MessageDraft(realTopic(half), realQueueId(half), half.flag(), half.body(), half.properties(),
                half.sysFlag(), half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(),
                half.preparedTransactionOffset());
        var buffer = MessageCodec.encode(draft, half.commitLogOffset(), half.queueOffset(), half.storeTimestamp(),
                half.storeHost());
        var bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
