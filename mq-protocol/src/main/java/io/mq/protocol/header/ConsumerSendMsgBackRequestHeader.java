package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * CONSUMER_SEND_MSG_BACK (36) request: a consumer hands back a message it failed to consume (retry or DLQ). {@code
 * offset} is the message's commit-log offset.
 */
public record ConsumerSendMsgBackRequestHeader(
        long offset,
        String group,
        int delayLevel,
        String originMsgId,
        String originTopic,
        boolean unitMode,
        Integer maxReconsumeTimes) implements CommandHeader {

    public static ConsumerSendMsgBackRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static ConsumerSendMsgBackRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new ConsumerSendMsgBackRequestHeader(
                f.longValue("offset"),
                f.string("group"),
                f.integer("delayLevel"),
                f.optionalString("originMsgId"),
                f.optionalString("originTopic"),
                f.bool("unitMode", false),
                f.optionalInteger("maxReconsumeTimes"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("offset", offset)
                .put("group", group)
                .put("delayLevel", delayLevel)
                .put("originMsgId", originMsgId)
                .put("originTopic", originTopic)
                .put("unitMode", unitMode)
                .put("maxReconsumeTimes", maxReconsumeTimes)
                .build();
    }
}
