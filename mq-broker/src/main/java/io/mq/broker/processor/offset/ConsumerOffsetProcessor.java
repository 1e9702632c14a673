package io.mq.broker.processor.offset;

import io.mq.broker.offset.ConsumerOffsets;
import io.mq.broker.store.MessageStore;
import io.mq.protocol.body.ConsumerOffsetSerializeWrapper;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;

/**
 * A consumer group's committed offsets (RocketMQ's ConsumerManageProcessor offset parts and GET_ALL_CONSUMER_OFFSET):
 * QUERY_CONSUMER_OFFSET (14), UPDATE_CONSUMER_OFFSET (15), GET_ALL_CONSUMER_OFFSET (43).
 */
public final class ConsumerOffsetProcessor implements RequestProcessor {

    static final String NOT_FOUND = "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first";
    static final String NOT_FOUND_NO_ZERO = "Not found, do not set to zero, maybe this group boot first";

    private final ConsumerOffsets offsets;
    private final MessageStore store;
    private final MemoryResidency residency;

    ConsumerOffsetProcessor(ConsumerOffsets offsets, MessageStore store, MemoryResidency residency) {
        this.offsets = offsets;
        this.store = store;
        this.residency = residency;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.QUERY_CONSUMER_OFFSET -> query(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> update(request);
            case RequestCode.GET_ALL_CONSUMER_OFFSET -> all(request);
            default -> RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " is not an offset request");
        };
    }

    private RemotingCommand update(RemotingCommand request) {
        var header = UpdateConsumerOffsetRequestHeader.from(request);
        offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    /**
     * The committed offset; without one, 0 when the queue starts at 0 and its first message is still in memory
     * (a new group then reads the queue from its start, which the clients' CONSUME_FROM_* handling relies on),
     * otherwise QUERY_NOT_FOUND. A 5.x client may forbid the 0 with {@code setZeroIfNotFound=false}.
     */
    private RemotingCommand query(RemotingCommand request) {
        var header = QueryConsumerOffsetRequestHeader.from(request);
        long committed = offsets.query(header.consumerGroup(), header.topic(), header.queueId());
        if (committed >= 0) {
            return found(request, committed);
        }
        if (Boolean.FALSE.equals(header.setZeroIfNotFound())) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, NOT_FOUND_NO_ZERO);
        }
        boolean startsAtZero = store.minOffset(header.topic(), header.queueId()) <= 0;
        if (startsAtZero && !residency.isOnDisk(header.consumerGroup(), header.topic(), header.queueId(), 0)) {
            return found(request, 0);
        }
        return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, NOT_FOUND);
    }

    private static RemotingCommand found(RemotingCommand request, long offset) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putHeader(new OffsetResponseHeader(offset));
    }

    /** The whole table, as a master hands it to a slave. */
    private RemotingCommand all(RemotingCommand request) {
        var body = new ConsumerOffsetSerializeWrapper(offsets.snapshot(), null).encode();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(body);
    }
}
