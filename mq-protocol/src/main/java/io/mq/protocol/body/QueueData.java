package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import io.mq.protocol.json.JsonWritable;
import java.util.LinkedHashMap;

/** One broker's queues of a topic in a route: how many to read and write, and the permission. */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag)
        implements JsonWritable {

    /** The queues a topic config gives its broker. */
    public static QueueData of(String brokerName, TopicConfig topic) {
        return new QueueData(brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                topic.topicSysFlag());
    }

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
    }

    @Override
    public Object toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("brokerName", brokerName);
        json.put("perm", perm);
        json.put("readQueueNums", readQueueNums);
        json.put("topicSysFlag", topicSysFlag);
        json.put("writeQueueNums", writeQueueNums);
        return json;
    }

    public static QueueData fromJson(JsonObject json) {
        return new QueueData(json.string("brokerName"), json.intValue("readQueueNums", 0),
                json.intValue("writeQueueNums", 0), json.intValue("perm", 0), json.intValue("topicSysFlag", 0));
    }
}
