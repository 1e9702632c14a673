package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** CHECK_TRANSACTION_STATE (39), broker to producer: asks the outcome of a half message's local transaction. */
public record CheckTransactionStateRequestHeader(
        long tranStateTableOffset,
        long commitLogOffset,
        String msgId,
        String transactionId,
        String offsetMsgId) implements CommandHeader {

    public static CheckTransactionStateRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static CheckTransactionStateRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new CheckTransactionStateRequestHeader(
                f.longValue("tranStateTableOffset"),
                f.longValue("commitLogOffset"),
                f.optionalString("msgId"),
                f.optionalString("transactionId"),
                f.optionalString("offsetMsgId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("tranStateTableOffset", tranStateTableOffset)
                .put("commitLogOffset", commitLogOffset)
                .put("msgId", msgId)
                .put("transactionId", transactionId)
                .put("offsetMsgId", offsetMsgId)
                .build();
    }
}
