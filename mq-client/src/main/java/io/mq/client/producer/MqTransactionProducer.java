package io.mq.client.producer;

import io.mq.client.ClientConfig;
import io.mq.client.ClientThreads;
import io.mq.client.Message;
import io.mq.client.MessageView;
import io.mq.client.MqClientException;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.message.MessageId;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.ResponseCode;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer of transactional messages: {@link #sendInTransaction} stores a half message, runs the local transaction
 * and tells the broker to commit or roll back (END_TRANSACTION, one-way); when the outcome was unknown or the
 * message got lost, the broker checks back and {@link TransactionListener#checkLocalTransaction} answers on a bounded
 * executor. Plain sends work too, through {@link #producer()}.
 */
public final class MqTransactionProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqTransactionProducer.class);
    private static final int CHECK_QUEUE_CAPACITY = 2000;

    private final TransactionListener listener;
    private final ThreadPoolExecutor checkExecutor;
    private final MqProducer producer;

    private MqTransactionProducer(ClientConfig clientConfig, ProducerConfig config, TransactionListener listener,
            int checkThreads) {
        this.listener = listener;
        this.checkExecutor = new ThreadPoolExecutor(checkThreads, checkThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(CHECK_QUEUE_CAPACITY), ClientThreads.factory("tx-check"));
        try {
            this.producer = MqProducer.start(clientConfig, config, this::checkLater);
        } catch (RuntimeException e) {
            checkExecutor.shutdownNow();
            throw e;
        }
        reachBrokersBeforeFirstSend();
    }

    /**
     * Heartbeats go to the brokers of the routes the client knows. A producer restarted after a crash must be reachable
     * for check-backs before it sends anything, so, as the official producer, it follows the auto-create template's
     * route (TBW102), which every broker allowing auto-creation publishes.
     */
    private void reachBrokersBeforeFirstSend() {
        try {
            if (producer.client().refreshRoute(producer.config().createTopicKey()).isPresent()) {
                producer.client().sendHeartbeatNow();
            }
        } catch (RuntimeException e) {
            log.warn("no route of {} yet: group {} is reachable for check-backs once it has sent (or the route "
                    + "poll finds it): {}", producer.config().createTopicKey(), producer.config().group(),
                    e.getMessage());
        }
    }

    /** One thread answers check-backs, as the official producer's default. */
    public static MqTransactionProducer start(ClientConfig clientConfig, ProducerConfig config,
            TransactionListener listener) {
        return start(clientConfig, config, listener, 1);
    }

    /** @param checkThreads threads answering check-backs; up to 2000 more checks wait, later ones are dropped */
    public static MqTransactionProducer start(ClientConfig clientConfig, ProducerConfig config,
            TransactionListener listener, int checkThreads) {
        return new MqTransactionProducer(clientConfig, config, listener, checkThreads);
    }

    /**
     * Sends {@code message} as a half message, runs the local transaction with {@code arg} and ends the transaction
     * with its outcome. A delay level is dropped (half messages cannot be delayed). Throws when the half message
     * could not be sent (the local transaction then does not run).
     */
    public TransactionSendResult sendInTransaction(Message message, Object arg) {
        message = withoutDelay(message);
        var outgoing = encodeHalf(message);
        var sent = producer.sender().sendSync(outgoing);
        var state = LocalTransactionState.UNKNOW;
        Throwable localError = null;
        if (sent.status() == SendStatus.SEND_OK) {
            try {
                var decided = listener.executeLocalTransaction(HalfMessages.view(message, outgoing, sent), arg);
                state = decided == null ? LocalTransactionState.UNKNOW : decided;
            } catch (RuntimeException | Error e) {
                log.error("local transaction of {} failed; its outcome is left to the broker's check", sent.msgId(), e);
                localError = e;
            }
        } else {
            state = LocalTransactionState.ROLLBACK_MESSAGE; // stored, but not as safely as asked: as the official client
        }
        try {
            endTransaction(sent, state, localError);
        } catch (RuntimeException e) {
            log.warn("local transaction {} ended {}, but telling the broker failed (it will check back): {}",
                    sent.msgId(), state, e.getMessage());
        }
        return new TransactionSendResult(sent, state);
    }

    /**
     * Sends {@code message} as a half message and returns at once, leaving the outcome to {@link #commit} or
     * {@link #rollback} later (or to the broker's check-back if neither comes). For local transactions whose end this
     * producer does not drive, e.g. a database transaction that commits after the caller returns. Throws when the half
     * message was not stored safely (it is then rolled back, as {@link #sendInTransaction} does).
     */
    public HalfMessage sendHalf(Message message) {
        message = withoutDelay(message);
        var outgoing = encodeHalf(message);
        var sent = producer.sender().sendSync(outgoing);
        var half = new HalfMessage(sent, HalfMessages.view(message, outgoing, sent));
        if (sent.status() != SendStatus.SEND_OK) {
            try {
                endTransaction(sent, LocalTransactionState.ROLLBACK_MESSAGE, null);
            } catch (RuntimeException e) {
                log.warn("rolling back half message {} failed (the broker will check back): {}", sent.msgId(),
                        e.getMessage());
            }
            throw new MqClientException(notStoredCode(sent.status()), "half message " + sent.msgId()
                    + " was not stored as safely as asked (" + sent.status() + "); it is rolled back");
        }
        return half;
    }

    /** Commits a half message from {@link #sendHalf} (END_TRANSACTION, one-way); throws when it cannot be sent. */
    public void commit(HalfMessage half) {
        endTransaction(half.sendResult(), LocalTransactionState.COMMIT_MESSAGE, null);
    }

    /** Rolls back a half message from {@link #sendHalf} (END_TRANSACTION, one-way); throws when it cannot be sent. */
    public void rollback(HalfMessage half) {
        endTransaction(half.sendResult(), LocalTransactionState.ROLLBACK_MESSAGE, null);
    }

    /** The plain producer of the same group, for messages outside transactions. */
    public MqProducer producer() {
        return producer;
    }

    /** Stops answering check-backs, leaves the group and releases the client. */
    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            checkExecutor.shutdown();
            try {
                if (!checkExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                    checkExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                checkExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int notStoredCode(SendStatus status) {
        return switch (status) {
            case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
            case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
            case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
            case SEND_OK -> ResponseCode.SUCCESS;
        };
    }

    private static Message withoutDelay(Message message) {
        return message.delayLevel() > 0 ? message.toBuilder().delayLevel(0).build() : message;
    }

    private OutgoingMessage encodeHalf(Message message) {
        return producer.encode(message, Map.of(MessageProperties.TRANSACTION_PREPARED, "true",
                MessageProperties.PRODUCER_GROUP, producer.config().group()));
    }

    private void endTransaction(SendResult sent, LocalTransactionState state, Throwable localError) {
        var id = MessageId.decode(sent.offsetMsgId() != null ? sent.offsetMsgId() : sent.msgId());
        var queue = sent.messageQueue();
        var address = producer.client().masterAddress(queue.brokerName(), queue.topic());
        var header = new EndTransactionRequestHeader(producer.config().group(), sent.queueOffset(),
                id.commitLogOffset(), state.commitOrRollback(), false, sent.msgId(),
                sent.transactionId() != null ? sent.transactionId() : sent.msgId());
        var remark = localError == null ? null : "executeLocalTransactionBranch exception: " + localError;
        producer.client().brokerApi().endTransactionOneway(address, header, remark);
    }

    /** Called on the client's request thread: queue the check, never run user code there. */
    private void checkLater(String brokerAddress, MessageView half, CheckTransactionStateRequestHeader header) {
        try {
            CompletableFuture.runAsync(() -> answerCheck(brokerAddress, half, header), checkExecutor);
        } catch (RejectedExecutionException e) {
            log.warn("transaction check of {} dropped: {} checks already waiting (the broker will ask again)",
                    half.msgId(), CHECK_QUEUE_CAPACITY);
        }
    }

    private void answerCheck(String brokerAddress, MessageView half, CheckTransactionStateRequestHeader header) {
        var state = LocalTransactionState.UNKNOW;
        String remark = null;
        try {
            var answered = listener.checkLocalTransaction(half);
            state = answered == null ? LocalTransactionState.UNKNOW : answered;
        } catch (RuntimeException e) {
            log.error("checking local transaction {} failed; answering UNKNOW", half.transactionId(), e);
            remark = "checkLocalTransactionState exception: " + e;
        }
        var uniqueKey = half.property(MessageProperties.UNIQ_KEY);
        var end = new EndTransactionRequestHeader(producer.config().group(), header.tranStateTableOffset(),
                header.commitLogOffset(), state.commitOrRollback(), true,
                uniqueKey != null ? uniqueKey : half.msgId(), header.transactionId());
        try {
            producer.client().brokerApi().endTransactionOneway(brokerAddress, end, remark);
        } catch (MqClientException e) {
            log.warn("answering the check of {} with {} failed: {}", half.transactionId(), state, e.getMessage());
        }
    }

    /**
     * A half message stored and waiting for its outcome: its send result and the view the check-back will see.
     *
     * @param view the half message as the local transaction sees it; its transaction id is the message's unique id
     */
    public record HalfMessage(SendResult sendResult, MessageView view) {

        /** The id the broker's check-back carries: the message's unique id. */
        public String transactionId() {
            return sendResult.msgId();
        }
    }
}
