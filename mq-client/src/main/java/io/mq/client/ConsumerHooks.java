package io.mq.client;

import io.mq.protocol.body.ConsumerData;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * What a consumer group registers in its {@link ClientInstance}: the heartbeat content, and the requests brokers
 * send to consumers. Calls arrive on the client's request threads; keep them short (hand long work to your own
 * executor).
 */
public interface ConsumerHooks {

    /** This group's part of every heartbeat: how it consumes and its subscriptions (retry topic included). */
    ConsumerData consumerData();

    /** NOTIFY_CONSUMER_IDS_CHANGED: the group's membership changed; rebalance soon. */
    default void consumerIdsChanged() {
    }

    /** RESET_CONSUMER_CLIENT_OFFSET: an operator moved the group's offsets of {@code topic}; adopt them. */
    default void resetOffset(String topic, Map<MessageQueue, Long> offsets) {
    }

    /**
     * GET_CONSUMER_RUNNING_INFO: answer with a response whose body is a ConsumerRunningInfo; null means not
     * supported.
     */
    default RemotingCommand runningInfo(RemotingCommand request) {
        return null;
    }

    /** CONSUME_MESSAGE_DIRECTLY: consume the message in the body now and answer the result; null means not supported. */
    default RemotingCommand consumeMessageDirectly(RemotingCommand request) {
        return null;
    }
}
