package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.ExtFieldSink;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * The send header with single-letter ext fields ({@code a}..{@code n}), which official clients use for
 * SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and SEND_REPLY_MESSAGE_V2 (325) to keep frames small.
 * Components carry the long names; {@link #toV1()} gives the form processors use.
 */
public record SendMessageRequestHeaderV2(
        String producerGroup,          // a
        String topic,                  // b
        String defaultTopic,           // c
        int defaultTopicQueueNums,     // d
        int queueId,                   // e
        int sysFlag,                   // f
        long bornTimestamp,            // g
        int flag,                      // h
        String properties,             // i
        Integer reconsumeTimes,        // j
        boolean unitMode,              // k
        Integer maxReconsumeTimes,     // l
        boolean batch,                 // m
        String brokerName) implements CommandHeader { // n, 5.x only

    public static SendMessageRequestHeaderV2 from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static SendMessageRequestHeaderV2 from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new SendMessageRequestHeaderV2(
                f.string("a"),
                f.string("b"),
                f.string("c"),
                f.integer("d"),
                f.integer("e"),
                f.integer("f"),
                f.longValue("g"),
                f.integer("h"),
                f.optionalString("i"),
                f.optionalInteger("j"),
                f.bool("k", false),
                f.optionalInteger("l"),
                f.bool("m", false),
                f.optionalString("n"));
    }

    public SendMessageRequestHeader toV1() {
        return new SendMessageRequestHeader(producerGroup, topic, defaultTopic, defaultTopicQueueNums, queueId,
                sysFlag, bornTimestamp, flag, properties, reconsumeTimes, unitMode, maxReconsumeTimes, batch,
                brokerName);
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("a", producerGroup)
                .put("b", topic)
                .put("c", defaultTopic)
                .put("d", defaultTopicQueueNums)
                .put("e", queueId)
                .put("f", sysFlag)
                .put("g", bornTimestamp)
                .put("h", flag)
                .put("i", properties)
                .put("j", reconsumeTimes)
                .put("k", unitMode)
                .put("l", maxReconsumeTimes)
                .put("m", batch)
                .put("n", brokerName)
                .build();
    }

    /** The fields of {@link #toExtFields()}, in the same order, written without the map (the send hot path). */
    @Override
    public void writeExtFields(ExtFieldSink sink) {
        sink.put("a", producerGroup);
        sink.put("b", topic);
        sink.put("c", defaultTopic);
        sink.put("d", defaultTopicQueueNums);
        sink.put("e", queueId);
        sink.put("f", sysFlag);
        sink.put("g", bornTimestamp);
        sink.put("h", flag);
        sink.put("i", properties);
        sink.put("j", reconsumeTimes);
        sink.put("k", unitMode);
        sink.put("l", maxReconsumeTimes);
        sink.put("m", batch);
        sink.put("n", brokerName);
    }
}
