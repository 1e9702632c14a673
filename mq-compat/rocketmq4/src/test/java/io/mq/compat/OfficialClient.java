package io.mq.compat;

import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;

/**
 * The few places where the shared scenarios must speak the official 4.9.7 client's own dialect; the 5.2.0 module
 * has a class of the same name and methods. Everything else the scenarios use is API both versions share.
 */
public final class OfficialClient {

    private OfficialClient() {
    }

    /** BROADCASTING: in 4.9.7 MessageModel lives in common.protocol.heartbeat (remoting.protocol in 5.x). */
    public static void consumeBroadcasting(DefaultMQPushConsumer consumer) {
        consumer.setMessageModel(MessageModel.BROADCASTING);
    }

    /**
     * Asks for delivery at {@code epochMillis}. 4.9.7's Message has no setDeliverTimeMs, so the property a 5.x
     * client sets (TIMER_DELIVER_MS) is put by hand: what a 4.x user of the timer feature does.
     */
    public static void deliverAt(Message message, long epochMillis) {
        MessageAccessor.putProperty(message, "TIMER_DELIVER_MS", Long.toString(epochMillis));
    }

    /** The runtime-stats key 4.9.7's clusterList reads for the outgoing TPS: spelled {@code getTransferedTps}. */
    public static String transferredTpsKey() {
        return "getTransferedTps";
    }

    /** Figures only this version's clusterList reads, beyond the shared ones: 4.9.7's reads none. */
    public static void assertVersionOnlyRuntimeFigures(Map<String, String> table) {
        // Nothing to add: the timer figures and brokerActive arrived with 5.x.
    }

    /**
     * A REGISTER_BROKER body as a 4.9.7 broker encodes it (TopicConfigSerializeWrapper inside RegisterBrokerBody),
     * with one topic, optionally compressed.
     */
    public static byte[] registerBrokerBody(String topic, int readQueues, int writeQueues, boolean compressed) {
        var wrapper = new TopicConfigSerializeWrapper();
        wrapper.getTopicConfigTable().put(topic, new TopicConfig(topic, readQueues, writeQueues, 6));
        wrapper.getDataVersion().nextVersion();
        var body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        return body.encode(compressed);
    }
}
