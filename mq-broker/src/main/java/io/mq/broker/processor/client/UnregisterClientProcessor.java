package io.mq.broker.processor.client;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.broker.client.ProducerRegistry;
import io.mq.protocol.header.UnregisterClientRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;

/** UNREGISTER_CLIENT (35): a client shutting down leaves its producer and/or consumer group at once. */
final class UnregisterClientProcessor implements RequestProcessor {

    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;

    UnregisterClientProcessor(ConsumerRegistry consumers, ProducerRegistry producers) {
        this.consumers = consumers;
        this.producers = producers;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = UnregisterClientRequestHeader.from(request);
        if (header.producerGroup() != null) {
            producers.unregister(header.producerGroup(), header.clientID());
        }
        if (header.consumerGroup() != null) {
            consumers.unregister(header.consumerGroup(), header.clientID());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
