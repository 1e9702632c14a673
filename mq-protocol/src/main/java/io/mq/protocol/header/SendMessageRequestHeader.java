package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * The send header in its long-name form (SEND_MESSAGE 10, SEND_REPLY_MESSAGE 324). Clients mostly send the
 * single-letter {@link SendMessageRequestHeaderV2} (310, 320 batch, 325 reply); {@link #from(RemotingCommand)}
 * reads either, so a send processor works with this one type.
 *
 * @param brokerName 5.x only (ext field {@code bname}); null from 4.x clients
 */
public record SendMessageRequestHeader(
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
        Integer maxReconsumeTimes,
        boolean batch,
        String brokerName) implements CommandHeader {

    static final int SEND_MESSAGE_V2 = 310;
    static final int SEND_BATCH_MESSAGE = 320;
    static final int SEND_REPLY_MESSAGE_V2 = 325;

    /** Reads the header of any send request: the single-letter form for codes 310, 320 and 325, else long names. */
    public static SendMessageRequestHeader from(RemotingCommand command) {
        return switch (command.code()) {
            case SEND_MESSAGE_V2, SEND_BATCH_MESSAGE, SEND_REPLY_MESSAGE_V2 ->
                    SendMessageRequestHeaderV2.from(command.extFields()).toV1();
            default -> from(command.extFields());
        };
    }

    /** Reads the long-name form. */
    public static SendMessageRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new SendMessageRequestHeader(
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
                f.optionalInteger("maxReconsumeTimes"),
                f.bool("batch", false),
                f.optionalString("bname"));
    }

    public SendMessageRequestHeaderV2 toV2() {
        return new SendMessageRequestHeaderV2(producerGroup, topic, defaultTopic, defaultTopicQueueNums, queueId,
                sysFlag, bornTimestamp, flag, properties, reconsumeTimes, unitMode, maxReconsumeTimes, batch,
                brokerName);
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
                .put("maxReconsumeTimes", maxReconsumeTimes)
                .put("batch", batch)
                .put("bname", brokerName)
                .build();
    }
}
