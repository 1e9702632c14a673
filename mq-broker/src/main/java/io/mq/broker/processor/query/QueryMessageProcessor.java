package io.mq.broker.processor.query;

import io.mq.broker.store.MessageStore;
import io.mq.broker.store.index.IndexKeys;
import io.mq.protocol.header.QueryMessageRequestHeader;
import io.mq.protocol.header.QueryMessageResponseHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.message.MessageFormatException;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import io.mq.protocol.transport.RequestProcessor;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * QUERY_MESSAGE (12): the messages of a topic stored under a key (or, with {@code _UNIQUE_KEY_QUERY}, a unique id)
 * within a time range, answered with their stored records back to back, as RocketMQ's QueryMessageProcessor. Unlike
 * RocketMQ we drop hash collisions here, so the client gets only messages that really carry the key.
 */
public final class QueryMessageProcessor implements RequestProcessor {

    /** RocketMQ's defaultQueryMaxNum: what a unique-id query asks for, whatever the client says. */
    static final int UNIQUE_KEY_QUERY_MAX = 32;
    /** RocketMQ's maxMsgsNumBatch: the most messages one query answers. */
    static final int MAX_MESSAGES = 64;

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemoteChannel channel, RemotingCommand request) {
        var header = QueryMessageRequestHeader.from(request);
        int maxNum = header.uniqueKeyQuery() ? UNIQUE_KEY_QUERY_MAX : Math.min(Math.max(header.maxNum(), 1), MAX_MESSAGES);
        var hits = store.queryIndex(header.topic(), header.key(), maxNum, header.beginTimestamp(),
                header.endTimestamp());
        var records = matchingRecords(hits.commitLogOffsets(), header);
        var responseHeader = new QueryMessageResponseHeader(hits.lastUpdateTimestamp(), hits.lastUpdateOffset());
        if (records.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                    "can not find message, maybe time range not correct").putHeader(responseHeader);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).putHeader(responseHeader)
                .bodyBuf(Unpooled.wrappedBuffer(records.toArray(ByteBuffer[]::new)));
    }

    private List<ByteBuffer> matchingRecords(List<Long> offsets, QueryMessageRequestHeader header) {
        var records = new ArrayList<ByteBuffer>(offsets.size());
        for (long offset : offsets) {
            store.selectMessage(offset).ifPresent(record -> {
                if (carriesKey(record, header)) {
                    records.add(record);
                }
            });
        }
        return records;
    }

    private static boolean carriesKey(ByteBuffer record, QueryMessageRequestHeader header) {
        try {
            var message = MessageCodec.decode(record.duplicate(), false);
            return IndexKeys.matches(message, header.topic(), header.key(), header.uniqueKeyQuery());
        } catch (MessageFormatException e) {
            return false;
        }
    }
}
