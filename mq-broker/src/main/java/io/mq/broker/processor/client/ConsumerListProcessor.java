package io.mq.broker.processor.client;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.protocol.body.ConsumerListByGroupResponseBody;
import io.mq.protocol.header.GetConsumerListByGroupRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38): the sorted client ids of a group's live consumers, which every member
 * rebalances on. An empty group is a SYSTEM_ERROR, as RocketMQ answers it.
 */
final class ConsumerListProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConsumerListProcessor.class);

    private final ConsumerRegistry consumers;

    ConsumerListProcessor(ConsumerRegistry consumers) {
        this.consumers = consumers;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var group = GetConsumerListByGroupRequestHeader.from(request).consumerGroup();
        var clientIds = consumers.clientIds(group);
        if (clientIds.isEmpty()) {
            log.warn("no consumer in group {} (asked by {})", group, channel.remoteAddress());
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + group);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .body(new ConsumerListByGroupResponseBody(clientIds).encode());
    }
}
