package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * PUSH_REPLY_MESSAGE_TO_CLIENT (326), broker to requester: the reply message's send header plus where it came from
 * and when the broker took it. The body is the reply's body as sent (compressed when {@code sysFlag} says so).
 */
public record ReplyMessageRequestHeader(
        String producerGroup,
        String topic,
        String defaultTopic,
        int defaultTopicQueueNums,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        String properties,
        Integer reconsumeTimes,
        boolean unitMode,
        String bornHost,
        String storeHost,
        long storeTimestamp) implements CommandHeader {

    /** The push header for a reply sent with {@code send}, with the given properties (the broker adds some). */
    public static ReplyMessageRequestHeader of(SendMessageRequestHeader send, String properties, String bornHost,
            String storeHost, long storeTimestamp) {
        return new ReplyMessageRequestHeader(send.producerGroup(), send.topic(), send.defaultTopic(),
                send.defaultTopicQueueNums(), send.queueId(), send.sysFlag(), send.bornTimestamp(), send.flag(),
                properties, send.reconsumeTimes(), send.unitMode(), bornHost, storeHost, storeTimestamp);
    }

    public static ReplyMessageRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static ReplyMessageRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new ReplyMessageRequestHeader(
                f.string("producerGroup"),
                f.string("topic"),
                f.string("defaultTopic"),
                f.integer("defaultTopicQueueNums"),
                f.integer("queueId"),
                f.integer("sysFlag"),
                f.longValue("bornTimestamp"),
                f.integer("flag"),
                f.optionalString("properties"),
                f.optionalInteger("reconsumeTimes"),
                f.bool("unitMode", false),
                f.string("bornHost"),
                f.string("storeHost"),
                f.longValue("storeTimestamp"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("producerGroup", producerGroup)
                .put("topic", topic)
                .put("defaultTopic", defaultTopic)
                .put("defaultTopicQueueNums", defaultTopicQueueNums)
                .put("queueId", queueId)
                .put("sysFlag", sysFlag)
                .put("bornTimestamp", bornTimestamp)
                .put("flag", flag)
                .put("properties", properties)
                .put("reconsumeTimes", reconsumeTimes)
                .put("unitMode", unitMode)
                .put("bornHost", bornHost)
                .put("storeHost", storeHost)
                .put("storeTimestamp", storeTimestamp)
                .build();
    }
}
