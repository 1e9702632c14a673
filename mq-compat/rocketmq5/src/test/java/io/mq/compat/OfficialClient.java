package io.mq.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * The few places where the shared scenarios must speak the official 5.2.0 client's own dialect; the 4.9.7 module
 * has a class of the same name and methods. Everything else the scenarios use is API both versions share.
 */
public final class OfficialClient {

    private OfficialClient() {
    }

    /** BROADCASTING: in 5.x MessageModel lives in remoting.protocol.heartbeat (common.protocol in 4.x). */
    public static void consumeBroadcasting(DefaultMQPushConsumer consumer) {
        consumer.setMessageModel(MessageModel.BROADCASTING);
    }

    /** Asks for delivery at {@code epochMillis} with the 5.x API, Message.setDeliverTimeMs. */
    public static void deliverAt(Message message, long epochMillis) {
        message.setDeliverTimeMs(epochMillis);
    }

    /** The runtime-stats key 5.2.0's clusterList reads for the outgoing TPS: spelled {@code getTransferredTps}. */
    public static String transferredTpsKey() {
        return "getTransferredTps";
    }

    /** Figures only 5.x's clusterList reads: the timer figures and whether the broker is active. */
    public static void assertVersionOnlyRuntimeFigures(Map<String, String> table) {
        assertThat(Long.parseLong(table.get("timerReadBehind"))).isZero();
        assertThat(Float.parseFloat(table.get("timerDequeueTps"))).isZero();
        assertThat(Boolean.parseBoolean(table.get("brokerActive"))).isTrue();
    }

    /**
     * A REGISTER_BROKER body as a 5.2.0 broker encodes it (TopicConfigAndMappingSerializeWrapper inside
     * RegisterBrokerBody), with one topic, optionally compressed.
     */
    public static byte[] registerBrokerBody(String topic, int readQueues, int writeQueues, boolean compressed) {
        var wrapper = new TopicConfigAndMappingSerializeWrapper();
        wrapper.getTopicConfigTable().put(topic, new TopicConfig(topic, readQueues, writeQueues, 6));
        wrapper.getDataVersion().nextVersion();
        var body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        return body.encode(compressed);
    }
}
