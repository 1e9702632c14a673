package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * END_TRANSACTION (37) request: commit or roll back a half message. {@code commitOrRollback} is the transaction
 * type (8 commit, 12 rollback, 0 unknown).
 */
public record EndTransactionRequestHeader(
        String producerGroup,
        long tranStateTableOffset,
        long commitLogOffset,
        int commitOrRollback,
        boolean fromTransactionCheck,
        String msgId,
        String transactionId) implements CommandHeader {

    public static EndTransactionRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static EndTransactionRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new EndTransactionRequestHeader(
                f.string("producerGroup"),
                f.longValue("tranStateTableOffset"),
                f.longValue("commitLogOffset"),
                f.integer("commitOrRollback"),
                f.bool("fromTransactionCheck", false),
                f.string("msgId"),
                f.optionalString("transactionId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("producerGroup", producerGroup)
                .put("tranStateTableOffset", tranStateTableOffset)
                .put("commitLogOffset", commitLogOffset)
                .put("commitOrRollback", commitOrRollback)
                .put("fromTransactionCheck", fromTransactionCheck)
                .put("msgId", msgId)
                .put("transactionId", transactionId)
                .build();
    }
}
