package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * UPDATE_AND_CREATE_TOPIC (17) request. {@code topicFilterType} is SINGLE_TAG or MULTI_TAG; {@code attributes} and
 * {@code force} are 5.x only, null from 4.x.
 */
public record CreateTopicRequestHeader(
        String topic,
        String defaultTopic,
        int readQueueNums,
        int writeQueueNums,
        int perm,
        String topicFilterType,
        Integer topicSysFlag,
        boolean order,
        String attributes,
        Boolean force) implements CommandHeader {

    public static CreateTopicRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static CreateTopicRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new CreateTopicRequestHeader(
                f.string("topic"),
                f.string("defaultTopic"),
                f.integer("readQueueNums"),
                f.integer("writeQueueNums"),
                f.integer("perm"),
                f.string("topicFilterType"),
                f.optionalInteger("topicSysFlag"),
                f.bool("order", false),
                f.optionalString("attributes"),
                f.optionalBool("force"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("topic", topic)
                .put("defaultTopic", defaultTopic)
                .put("readQueueNums", readQueueNums)
                .put("writeQueueNums", writeQueueNums)
                .put("perm", perm)
                .put("topicFilterType", topicFilterType)
                .put("topicSysFlag", topicSysFlag)
                .put("order", order)
                .put("attributes", attributes)
                .put("force", force)
                .build();
    }
}
