package io.mq.broker.processor.send;

import io.mq.broker.schedule.DelayRouter;
import io.mq.broker.store.AppendResult;
import io.mq.broker.store.MessageStore;
import io.mq.broker.transaction.HalfMessages;
import io.mq.protocol.header.SendMessageRequestHeader;
import io.mq.protocol.message.MessageDraft;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320), as RocketMQ's SendMessageProcessor
 * answers them: checks first, then the append, and the answer when the store's future completes (under
 * SYNC_FLUSH, after the fsync), so no send thread waits for the disk. One-way sends are stored and not answered.
 */
public final class SendMessageProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(SendMessageProcessor.class);

    private final MessageStore store;
    private final SendAdmission admission;
    private final SendDrafts drafts;
    private final RetrySendRouter retries;
    private final SendResponses responses;
    private final DelayRouter delays;

    SendMessageProcessor(MessageStore store, SendAdmission admission, SendDrafts drafts, RetrySendRouter retries,
            SendResponses responses, DelayRouter delays) {
        this.store = store;
        this.admission = admission;
        this.drafts = drafts;
        this.retries = retries;
        this.responses = responses;
        this.delays = delays;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = SendMessageRequestHeader.from(request);
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String producer = channel.remoteAddress();
        var verdict = admission.check(header, body.length, producer);
        if (verdict instanceof Refusal refusal) {
            return responses.refused(refusal);
        }
        var topic = ((Admission.Admitted) verdict).topic();
        // A negative queue id asks the broker to choose, as RocketMQ does for old clients.
        int queueId = header.queueId() < 0 ? ThreadLocalRandom.current().nextInt(topic.writeQueueNums())
                : header.queueId();
        // The transaction id RocketMQ answers with is the message's unique key (the batch header's, for a batch).
        String transactionId;
        CompletableFuture<AppendResult> appended;
        if (request.code() == RequestCode.SEND_BATCH_MESSAGE || header.batch()) {
            var refusal = refuseBatch(header);
            if (refusal != null) {
                return responses.refused(refusal);
            }
            transactionId = MessageProperties.decode(header.properties()).get(MessageProperties.UNIQ_KEY);
            appended = store.appendBatch(drafts.batch(header, topic, queueId, body, producer));
        } else {
            // Properties are decoded once, into the draft, on the hot path.
            var draft = drafts.single(header, topic, queueId, body, producer);
            transactionId = draft.property(MessageProperties.UNIQ_KEY);
            var route = retries.route(header, draft);
            if (route instanceof Refusal refusal) {
                return responses.refused(refusal);
            }
            appended = appendSingle(((RetryRoute.Deliver) route).draft());
        }
        appended.whenComplete((result, error) -> answer(channel, request, result, error, queueId, transactionId));
        return null;
    }

    /**
     * Where a single message enters the store. A prepared transaction message (TRAN_MSG=true, as RocketMQ decides)
     * is stored as a half message in RMQ_SYS_TRANS_HALF_TOPIC, invisible to consumers until END_TRANSACTION commits
     * it; it is never held for a delay (the official clients clear the delay of a transactional message). A delayed
     * or timed message waits in a schedule topic (RocketMQ does this in CommitLog.putMessage).
     */
    private CompletableFuture<AppendResult> appendSingle(MessageDraft draft) {
        if (HalfMessages.isPrepared(draft)) {
            return store.append(HalfMessages.toHalf(draft));
        }
        return store.append(delays.hold(draft));
    }

    /** RocketMQ's store refuses transactional and delayed batches; we say why before decoding the body. */
    private static Refusal refuseBatch(SendMessageRequestHeader header) {
        if (MessageSysFlag.transactionType(header.sysFlag()) != MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return new Refusal(ResponseCode.MESSAGE_ILLEGAL, "a batch cannot carry transaction messages");
        }
        var delay = MessageProperties.decode(header.properties()).get(MessageProperties.DELAY_TIME_LEVEL);
        if (delay != null && !"0".equals(delay)) {
            return new Refusal(ResponseCode.MESSAGE_ILLEGAL, "a batch cannot carry delayed messages (DELAY=" + delay
                    + ")");
        }
        return null;
    }

    private void answer(RemoteChannel channel, RemotingCommand request, AppendResult result, Throwable error,
            int queueId, String transactionId) {
        if (error != null) {
            log.warn("append of a send from {} failed", channel.remoteAddress(), error);
        }
        if (request.isOneway()) {
            return;
        }
        channel.reply(request, error != null ? responses.failed(error)
                : responses.appended(result, queueId, transactionId));
    }

    /** The request codes this processor serves. */
    static List<Integer> requestCodes() {
        return List.of(RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE);
    }
}
