package io.mq.broker.processor.query;

import io.mq.broker.client.ConsumerRegistry;
import io.mq.protocol.header.GetConsumerRunningInfoRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RemotingTimeoutException;
import io.mq.protocol.transport.RequestProcessor;
import java.time.Duration;

/**
 * GET_CONSUMER_RUNNING_INFO (307) from an admin tool: passed on to the named consumer over its own connection and
 * its answer passed back (RocketMQ's AdminBrokerProcessor.callConsumer). Answers later, so no broker thread waits
 * on the consumer.
 */
public final class ConsumerRunningInfoRelay implements RequestProcessor {

    /** RocketMQ's Broker2Client.callClient waits 10 s. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** RocketMQ's CONSUME_MSG_TIMEOUT (not among our protocol constants yet). */
    static final int CONSUME_MSG_TIMEOUT = 207;

    private final ConsumerRegistry consumers;
    private final Duration timeout;

    public ConsumerRunningInfoRelay(ConsumerRegistry consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = GetConsumerRunningInfoRequestHeader.from(request);
        var consumer = consumers.channelOf(header.consumerGroup(), header.clientId()).orElse(null);
        if (consumer == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    String.format("The Consumer <%s> <%s> not online", header.consumerGroup(), header.clientId()));
        }
        var relayed = RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO, null)
                .extFields(request.extFields())
                .body(request.body());
        consumer.invoke(relayed, timeout.toMillis()).whenComplete((answer, failure) -> {
            if (failure == null) {
                channel.reply(request, answer);
            } else if (failure instanceof RemotingTimeoutException
                    || failure.getCause() instanceof RemotingTimeoutException) {
                channel.reply(request, RemotingCommand.responseTo(request, CONSUME_MSG_TIMEOUT,
                        String.format("consumer <%s> <%s> Timeout: %s", header.consumerGroup(), header.clientId(),
                                failure.getMessage())));
            } else {
                channel.reply(request, RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                        String.format("invoke consumer <%s> <%s> Exception: %s", header.consumerGroup(),
                                header.clientId(), failure.getMessage())));
            }
        });
        return null;
    }
}
