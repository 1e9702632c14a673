package io.mq.protocol.body;

import io.mq.protocol.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * HEART_BEAT (34) body: a client's id and the producer and consumer groups it is in.
 *
 * @param heartbeatFingerprint 5.x: a hash of the rest, so later beats may leave subscriptions out; 0 from 4.x
 * @param withoutSub 5.x: this beat omits subscriptions because the fingerprint is unchanged
 */
public record HeartbeatData(
        String clientID,
        Set<ProducerData> producerDataSet,
        Set<ConsumerData> consumerDataSet,
        int heartbeatFingerprint,
        boolean withoutSub) implements JsonBody {

    public HeartbeatData {
        producerDataSet = BodyReader.copyOfSet(producerDataSet);
        consumerDataSet = BodyReader.copyOfSet(consumerDataSet);
    }

    /** The 4.x form. */
    public HeartbeatData(String clientID, Set<ProducerData> producerDataSet, Set<ConsumerData> consumerDataSet) {
        this(clientID, producerDataSet, consumerDataSet, 0, false);
    }

    public static HeartbeatData decode(byte[] body) {
        return BodyReader.decode(body, "heartbeat", HeartbeatData::fromJson);
    }

    public static HeartbeatData fromJson(JsonObject json) {
        return new HeartbeatData(
                json.string("clientID"),
                BodyReader.objectSet(json, "producerDataSet", ProducerData::fromJson),
                BodyReader.objectSet(json, "consumerDataSet", ConsumerData::fromJson),
                json.intValue("heartbeatFingerprint", 0),
                json.bool("withoutSub", false));
    }

    @Override
    public Object toJson() {
        var out = new LinkedHashMap<String, Object>();
        out.put("clientID", clientID);
        out.put("consumerDataSet", consumerDataSet);
        out.put("heartbeatFingerprint", heartbeatFingerprint);
        out.put("producerDataSet", producerDataSet);
        out.put("withoutSub", withoutSub);
        return out;
    }
}
