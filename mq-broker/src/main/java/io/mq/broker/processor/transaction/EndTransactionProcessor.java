package io.mq.broker.processor.transaction;

import io.mq.broker.store.AppendResult;
import io.mq.broker.transaction.EndOutcome;
import io.mq.broker.transaction.TransactionalMessageService;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37), as RocketMQ's EndTransactionProcessor answers it: commit (8) delivers the half message to its
 * real topic, rollback (12) drops it, unknown (0) leaves it to the check; the same whether the producer ends the
 * transaction itself or answers a check ({@code fromTransactionCheck}). The official clients send it one-way; a
 * two-way request is answered, a commit once the committed message is durable.
 */
public final class EndTransactionProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final TransactionalMessageService transactions;

    public EndTransactionProcessor(TransactionalMessageService transactions) {
        this.transactions = transactions;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = EndTransactionRequestHeader.from(request);
        if (header.commitOrRollback() != MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            log.debug("producer {} of group {} {} transaction {}{}", channel.remoteAddress(), header.producerGroup(),
                    describe(header.commitOrRollback()), header.transactionId(),
                    header.fromTransactionCheck() ? " (answering a check)" : "");
        }
        var outcome = transactions.end(header);
        if (outcome instanceof EndOutcome.Committed committed) {
            if (!request.isOneway()) {
                committed.delivered().whenComplete((result, error) -> channel.reply(request, delivered(result, error)));
            }
            return null;
        }
        if (outcome instanceof EndOutcome.Refused refused) {
            log.warn("END_TRANSACTION from {} refused: {}", channel.remoteAddress(), refused.remark());
            return RemotingCommand.response(refused.code(), refused.remark());
        }
        if (outcome instanceof EndOutcome.StillPending) {
            return RemotingCommand.response(ResponseCode.SUCCESS, "the transaction stays pending; the broker checks it"
                    + " later");
        }
        if (outcome instanceof EndOutcome.AlreadyEnded) {
            return RemotingCommand.response(ResponseCode.SUCCESS, "the transaction was already ended");
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand delivered(AppendResult result, Throwable error) {
        if (error != null || result == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "storing the committed message failed: " + error);
        }
        // As RocketMQ: stored but not yet flushed in time still counts as delivered.
        return result.status().isStored() ? RemotingCommand.response(ResponseCode.SUCCESS, null)
                : RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "the store refused the committed message: "
                        + result.status());
    }

    private static String describe(int commitOrRollback) {
        return switch (commitOrRollback) {
            case MessageSysFlag.TRANSACTION_ROLLBACK_TYPE -> "rolls back";
            case MessageSysFlag.TRANSACTION_NOT_TYPE -> "does not know yet the outcome of";
            default -> "sends an unknown outcome " + commitOrRollback + " for";
        };
    }
}
