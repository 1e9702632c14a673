package io.mq.client;

import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.header.CheckTransactionStateRequestHeader;
import io.mq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RemotingClient;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests brokers send to this client, routed to the group they name: transaction checks to the producer group
 * of the half message (its PGROUP property), the consumer requests to the consumer group of their header.
 */
final class ServerRequests {

    private static final Logger log = LoggerFactory.getLogger(ServerRequests.class);

    private final ClientGroups groups;
    private final Function<String, String> brokerNameOf;

    ServerRequests(ClientGroups groups, Function<String, String> brokerNameOf) {
        this.groups = groups;
        this.brokerNameOf = brokerNameOf;
    }

    void registerWith(RemotingClient remoting, ExecutorService executor) {
        remoting.registerProcessor(RequestCode.CHECK_TRANSACTION_STATE, this::checkTransactionState, executor);
        remoting.registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, this::consumerIdsChanged, executor);
        remoting.registerProcessor(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, this::resetOffset, executor);
        remoting.registerProcessor(RequestCode.GET_CONSUMER_RUNNING_INFO, this::runningInfo, executor);
        remoting.registerProcessor(RequestCode.CONSUME_MESSAGE_DIRECTLY, this::consumeDirectly, executor);
    }

    private RemotingCommand checkTransactionState(RemoteChannel channel, RemotingCommand request) {
        var header = CheckTransactionStateRequestHeader.from(request);
        var stored = MessageCodec.decode(ByteBuffer.wrap(request.body()), true);
        var address = channel.remoteAddress();
        var message = MessageView.of(stored, brokerNameOf.apply(address));
        var group = message.property(MessageProperties.PRODUCER_GROUP);
        var checker = groups.checker(group);
        if (checker.isPresent()) {
            checker.get().check(address, message, header);
        } else {
            log.warn("transaction check from {} for producer group {} which this client does not have: {}", address,
                    group, message);
        }
        return acknowledge(request);
    }

    private RemotingCommand consumerIdsChanged(RemoteChannel channel, RemotingCommand request) {
        var group = NotifyConsumerIdsChangedRequestHeader.from(request).consumerGroup();
        groups.consumer(group).ifPresent(ConsumerHooks::consumerIdsChanged);
        return acknowledge(request);
    }

    private RemotingCommand resetOffset(RemoteChannel channel, RemotingCommand request) {
        var header = ResetOffsetRequestHeader.from(request);
        Map<io.mq.protocol.body.MessageQueue, Long> offsets = request.body() == null ? Map.of()
                : ResetOffsetBody.decode(request.body()).offsetTable();
        groups.consumer(header.group()).ifPresent(hooks -> hooks.resetOffset(header.topic(), offsets));
        return acknowledge(request);
    }

    private RemotingCommand runningInfo(RemoteChannel channel, RemotingCommand request) {
        return askConsumer(request, hooks -> hooks.runningInfo(request));
    }

    private RemotingCommand consumeDirectly(RemoteChannel channel, RemotingCommand request) {
        return askConsumer(request, hooks -> hooks.consumeMessageDirectly(request));
    }

    private RemotingCommand askConsumer(RemotingCommand request, Function<ConsumerHooks, RemotingCommand> question) {
        var group = request.ext("consumerGroup");
        var hooks = groups.consumer(group);
        if (hooks.isEmpty()) {
            return notHere(request, group);
        }
        var response = question.apply(hooks.get());
        return response != null ? response : RemotingCommand.responseTo(request,
                ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "consumer group " + group + " does not answer this request");
    }

    private static RemotingCommand notHere(RemotingCommand request, String group) {
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + group + "> not exist in this consumer");
    }

    /** One-way requests get nothing back; the rest an empty SUCCESS. */
    private static RemotingCommand acknowledge(RemotingCommand request) {
        return request.isOneway() ? null : RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
