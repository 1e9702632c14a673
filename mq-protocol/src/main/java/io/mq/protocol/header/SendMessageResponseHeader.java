package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.ExtFieldSink;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * The send response header. {@code msgId} is the offset message id (comma-separated for a batch); the
 * client computes the unique id itself.
 *
 * @param batchUniqId 5.x only; null when absent
 */
public record SendMessageResponseHeader(
        String msgId, int queueId, long queueOffset, String transactionId, String batchUniqId)
        implements CommandHeader {

    public static SendMessageResponseHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static SendMessageResponseHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new SendMessageResponseHeader(f.string("msgId"), f.integer("queueId"), f.longValue("queueOffset"),
                f.optionalString("transactionId"), f.optionalString("batchUniqId"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("msgId", msgId)
                .put("queueId", queueId)
                .put("queueOffset", queueOffset)
                .put("transactionId", transactionId)
                .put("batchUniqId", batchUniqId)
                .build();
    }

    /** The fields of {@link #toExtFields()}, in the same order, without the map (one per send answer). */
    @Override
    public void writeExtFields(ExtFieldSink sink) {
        sink.put("msgId", msgId);
        sink.put("queueId", queueId);
        sink.put("queueOffset", queueOffset);
        sink.put("transactionId", transactionId);
        sink.put("batchUniqId", batchUniqId);
    }
}
