package io.mq.client;

import io.mq.client.reply.ReplyMessages;
import io.mq.protocol.body.ConsumeStats;
import io.mq.protocol.body.ConsumerListByGroupResponseBody;
import io.mq.protocol.body.HeartbeatData;
import io.mq.protocol.body.LockBatchRequestBody;
import io.mq.protocol.body.LockBatchResponseBody;
import io.mq.protocol.body.MessageQueue;
import io.mq.protocol.body.ResetOffsetBody;
import io.mq.protocol.body.SubscriptionGroupConfig;
import io.mq.protocol.body.UnlockBatchRequestBody;
import io.mq.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.mq.protocol.header.CreateTopicRequestHeader;
import io.mq.protocol.header.DeleteTopicRequestHeader;
import io.mq.protocol.header.EndTransactionRequestHeader;
import io.mq.protocol.header.GetConsumeStatsRequestHeader;
import io.mq.protocol.header.GetConsumerListByGroupRequestHeader;
import io.mq.protocol.header.GetMaxOffsetRequestHeader;
import io.mq.protocol.header.GetMinOffsetRequestHeader;
import io.mq.protocol.header.OffsetResponseHeader;
import io.mq.protocol.header.PullMessageRequestHeader;
import io.mq.protocol.header.PullMessageResponseHeader;
import io.mq.protocol.header.QueryConsumerOffsetRequestHeader;
import io.mq.protocol.header.QueryMessageRequestHeader;
import io.mq.protocol.header.ResetOffsetRequestHeader;
import io.mq.protocol.header.SearchOffsetRequestHeader;
import io.mq.protocol.header.SendMessageRequestHeaderV2;
import io.mq.protocol.header.SendMessageResponseHeader;
import io.mq.protocol.header.UnregisterClientRequestHeader;
import io.mq.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.mq.protocol.header.ViewMessageRequestHeader;
import io.mq.protocol.message.MessageCodec;
import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemotingClient;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Typed requests to brokers by address: each maps the answer to a result or throws (or completes with) a
 * {@link MqClientException} naming the broker, the response code and the broker's remark. Stateless apart from the
 * connections it shares; timeouts in milliseconds.
 */
public final class BrokerApi {

    private final RemotingClient remoting;
    private final BrokerCalls calls;

    BrokerApi(RemotingClient remoting, BrokerCalls calls) {
        this.remoting = remoting;
        this.calls = calls;
    }

    // ---- send

    /** SEND_MESSAGE_V2, or SEND_BATCH_MESSAGE when {@code header.batch()}; {@code uniqueIds} becomes the msgId. */
    public CompletableFuture<SendResult> sendAsync(String address, String brokerName,
            SendMessageRequestHeaderV2 header, byte[] body, String uniqueIds, long timeoutMillis) {
        Supplier<String> action = () -> "send to " + calls.label(address, brokerName);
        return calls.async(action, address, sendRequest(header, body), timeoutMillis)
                .thenApply(response -> sendResult(action, response, header, brokerName, uniqueIds));
    }

    public SendResult send(String address, String brokerName, SendMessageRequestHeaderV2 header, byte[] body,
            String uniqueIds, long timeoutMillis) {
        Supplier<String> action = () -> "send to " + calls.label(address, brokerName);
        var response = calls.sync(action, address, sendRequest(header, body), timeoutMillis);
        return sendResult(action, response, header, brokerName, uniqueIds);
    }

    public void sendOneway(String address, SendMessageRequestHeaderV2 header, byte[] body) {
        calls.oneway("send to " + calls.label(address, null), address, sendRequest(header, body));
    }

    private static RemotingCommand sendRequest(SendMessageRequestHeaderV2 header, byte[] body) {
        // As the official client: a reply (MSG_TYPE=reply) goes out as SEND_REPLY_MESSAGE_V2 for the broker to push.
        int code = header.batch() ? RequestCode.SEND_BATCH_MESSAGE
                : ReplyMessages.isReply(header.properties()) ? RequestCode.SEND_REPLY_MESSAGE_V2
                : RequestCode.SEND_MESSAGE_V2;
        return RemotingCommand.request(code, header).body(body);
    }

    private static SendResult sendResult(Supplier<String> action, RemotingCommand response,
            SendMessageRequestHeaderV2 header, String brokerName, String uniqueIds) {
        var status = switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw MqClientException.ofResponse(action.get(), response);
        };
        var answer = SendMessageResponseHeader.from(response);
        return new SendResult(status, uniqueIds, answer.msgId(),
                new MessageQueue(header.topic(), brokerName, answer.queueId()), answer.queueOffset(),
                answer.transactionId());
    }

    // ---- pull and consumer offsets

    /**
     * PULL_MESSAGE. With the suspend flag the broker holds the request up to {@code suspendTimeoutMillis}: give a
     * {@code timeoutMillis} above that.
     */
    public CompletableFuture<PullResult> pullAsync(String address, String brokerName, PullMessageRequestHeader header,
            long timeoutMillis) {
        Supplier<String> action = () -> "pull " + header.topic() + "/" + header.queueId() + " from "
                + calls.label(address, brokerName);
        // the messages are decoded straight from the received frame: the one copy of each body is its own array
        return calls.async(action, address, RemotingCommand.request(RequestCode.PULL_MESSAGE, header), timeoutMillis,
                response -> pullResult(action, response, brokerName));
    }

    private static PullResult pullResult(Supplier<String> action, RemotingCommand response, String brokerName) {
        var status = switch (response.code()) {
            case ResponseCode.SUCCESS -> PullStatus.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullStatus.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullStatus.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
            default -> throw MqClientException.ofResponse(action.get(), response);
        };
        var header = PullMessageResponseHeader.from(response);
        var messages = status == PullStatus.FOUND ? decodeMessages(body(response), brokerName) : List.<MessageView>of();
        return new PullResult(status, header.nextBeginOffset(), header.minOffset(), header.maxOffset(),
                header.suggestWhichBrokerId(), messages);
    }

    /** QUERY_CONSUMER_OFFSET: the group's stored offset of a queue, or -1 when the broker has none. */
    public long queryConsumerOffset(String address, QueryConsumerOffsetRequestHeader header, long timeoutMillis) {
        var action = "query offset of " + header.consumerGroup() + " on " + header.topic() + "/" + header.queueId()
                + " at " + calls.label(address, null);
        var response = calls.sync(action, address,
                RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET, header), timeoutMillis);
        if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
            return -1;
        }
        return OffsetResponseHeader.from(calls.success(action, response)).offset();
    }

    public void updateConsumerOffset(String address, UpdateConsumerOffsetRequestHeader header, long timeoutMillis) {
        calls.call("update offset of " + header.consumerGroup() + " at " + calls.label(address, null), address,
                RequestCode.UPDATE_CONSUMER_OFFSET, header, timeoutMillis);
    }

    /** UPDATE_CONSUMER_OFFSET without waiting for the answer, as consumers persist offsets. */
    public void updateConsumerOffsetOneway(String address, UpdateConsumerOffsetRequestHeader header) {
        calls.oneway("update offset of " + header.consumerGroup() + " at " + calls.label(address, null), address,
                RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET, header));
    }

    public long maxOffset(String address, String topic, int queueId, long timeoutMillis) {
        return offset("max offset of " + topic + "/" + queueId, address, RequestCode.GET_MAX_OFFSET,
                new GetMaxOffsetRequestHeader(topic, queueId, true), timeoutMillis);
    }

    public long minOffset(String address, String topic, int queueId, long timeoutMillis) {
        return offset("min offset of " + topic + "/" + queueId, address, RequestCode.GET_MIN_OFFSET,
                new GetMinOffsetRequestHeader(topic, queueId), timeoutMillis);
    }

    /** SEARCH_OFFSET_BY_TIMESTAMP: the first offset stored at or after {@code timestamp} (epoch ms). */
    public long searchOffset(String address, String topic, int queueId, long timestamp, long timeoutMillis) {
        return offset("search offset of " + topic + "/" + queueId, address, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                new SearchOffsetRequestHeader(topic, queueId, timestamp, null), timeoutMillis);
    }

    private long offset(String what, String address, int code, CommandHeader header, long timeoutMillis) {
        var response = calls.call(what + " at " + calls.label(address, null), address, code, header, timeoutMillis);
        return OffsetResponseHeader.from(response).offset();
    }

    // ---- orderly consumption, retries, group membership

    /** LOCK_BATCH_MQ: the queues the broker locked for this client (a subset of those asked). */
    public Set<MessageQueue> lockBatch(String address, LockBatchRequestBody body, long timeoutMillis) {
        var action = "lock queues of " + body.consumerGroup() + " at " + calls.label(address, null);
        var request = RemotingCommand.request(RequestCode.LOCK_BATCH_MQ, null).body(body.encode());
        var response = calls.success(action, calls.sync(action, address, request, timeoutMillis));
        return LockBatchResponseBody.decode(response.body()).lockOKMQSet();
    }

    public void unlockBatch(String address, UnlockBatchRequestBody body, long timeoutMillis) {
        var action = "unlock queues of " + body.consumerGroup() + " at " + calls.label(address, null);
        var request = RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ, null).body(body.encode());
        calls.success(action, calls.sync(action, address, request, timeoutMillis));
    }

    public void unlockBatchOneway(String address, UnlockBatchRequestBody body) {
        calls.oneway("unlock queues of " + body.consumerGroup() + " at " + calls.label(address, null), address,
                RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ, null).body(body.encode()));
    }

    /** CONSUMER_SEND_MSG_BACK: hands a message the consumer failed on back for retry (or the DLQ). */
    public void consumerSendMessageBack(String address, ConsumerSendMsgBackRequestHeader header, long timeoutMillis) {
        calls.call("send back message of " + header.group() + " to " + calls.label(address, null), address,
                RequestCode.CONSUMER_SEND_MSG_BACK, header, timeoutMillis);
    }

    /** GET_CONSUMER_LIST_BY_GROUP: client ids of the group's live consumers, as this broker knows them. */
    public List<String> consumerIds(String address, String group, long timeoutMillis) {
        var response = calls.call("consumer ids of " + group + " at " + calls.label(address, null), address,
                RequestCode.GET_CONSUMER_LIST_BY_GROUP, new GetConsumerListByGroupRequestHeader(group), timeoutMillis);
        return ConsumerListByGroupResponseBody.decode(response.body()).consumerIdList();
    }

    public void heartbeat(String address, HeartbeatData heartbeat, long timeoutMillis) {
        var action = "heartbeat to " + calls.label(address, null);
        var request = RemotingCommand.request(RequestCode.HEART_BEAT, null).body(heartbeat.encode());
        calls.success(action, calls.sync(action, address, request, timeoutMillis));
    }

    public void unregisterClient(String address, UnregisterClientRequestHeader header, long timeoutMillis) {
        calls.call("unregister client from " + calls.label(address, null), address, RequestCode.UNREGISTER_CLIENT,
                header, timeoutMillis);
    }

    // ---- transactions

    /** END_TRANSACTION, one-way as the official producer sends it; {@code remark} may carry the local error. */
    public void endTransactionOneway(String address, EndTransactionRequestHeader header, String remark) {
        calls.oneway("end transaction at " + calls.label(address, null), address,
                RemotingCommand.request(RequestCode.END_TRANSACTION, header).remark(remark));
    }

    // ---- messages by id or key

    /** VIEW_MESSAGE_BY_ID: the message stored at a commit-log offset of this broker. */
    public MessageView viewMessage(String address, long commitLogOffset, long timeoutMillis) {
        var response = calls.call("view message at offset " + commitLogOffset + " of " + calls.label(address, null),
                address, RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(commitLogOffset), timeoutMillis);
        var messages = decodeMessages(body(response), calls.brokerName(address));
        if (messages.isEmpty()) {
            throw new MqClientException(ResponseCode.QUERY_NOT_FOUND, "no message at offset " + commitLogOffset);
        }
        return messages.get(0);
    }

    /** QUERY_MESSAGE: messages by key (or unique key) in a time range; empty when none. */
    public List<MessageView> queryMessage(String address, QueryMessageRequestHeader header, long timeoutMillis) {
        var action = "query messages of " + header.topic() + " by key " + header.key() + " at "
                + calls.label(address, null);
        var response = calls.sync(action, address, RemotingCommand.request(RequestCode.QUERY_MESSAGE, header),
                timeoutMillis);
        if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
            return List.of();
        }
        return decodeMessages(body(calls.success(action, response)), calls.brokerName(address));
    }

    // ---- administration

    public void createTopic(String address, CreateTopicRequestHeader header, long timeoutMillis) {
        calls.call("create topic " + header.topic() + " at " + calls.label(address, null), address,
                RequestCode.UPDATE_AND_CREATE_TOPIC, header, timeoutMillis);
    }

    public void deleteTopic(String address, String topic, long timeoutMillis) {
        calls.call("delete topic " + topic + " at " + calls.label(address, null), address,
                RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader(topic), timeoutMillis);
    }

    public void createSubscriptionGroup(String address, SubscriptionGroupConfig group, long timeoutMillis) {
        var action = "create subscription group " + group.groupName() + " at " + calls.label(address, null);
        var request = RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null)
                .body(group.encode());
        calls.success(action, calls.sync(action, address, request, timeoutMillis));
    }

    /** GET_CONSUME_STATS: a group's offsets and lag on this broker, for one topic or (null) all it consumes. */
    public ConsumeStats consumeStats(String address, String group, String topic, long timeoutMillis) {
        var response = calls.call("consume stats of " + group + " at " + calls.label(address, null), address,
                RequestCode.GET_CONSUME_STATS, new GetConsumeStatsRequestHeader(group, topic), timeoutMillis);
        return ConsumeStats.decode(response.body());
    }

    /** INVOKE_BROKER_TO_RESET_OFFSET: moves a group's offsets on this broker; answers the new offset per queue. */
    public Map<MessageQueue, Long> resetOffset(String address, ResetOffsetRequestHeader header, long timeoutMillis) {
        var response = calls.call("reset offsets of " + header.group() + " on " + header.topic() + " at "
                + calls.label(address, null), address, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, header,
                timeoutMillis);
        return response.body() == null ? Map.of() : ResetOffsetBody.decode(response.body()).offsetTable();
    }

    /** Any other request, answered SUCCESS or thrown as a {@link MqClientException}. */
    public RemotingCommand invoke(String address, RemotingCommand request, long timeoutMillis) {
        var action = "request " + request.code() + " to " + calls.label(address, null);
        return calls.success(action, calls.sync(action, address, request, timeoutMillis));
    }

    /** The transport, for requests this class does not type. */
    public RemotingClient remoting() {
        return remoting;
    }

    /** The body where the transport left it: still in the received frame, or copied out. Null when none. */
    private static ByteBuffer body(RemotingCommand response) {
        var frame = response.bodyBuf();
        if (frame == null) {
            return response.body() == null ? null : ByteBuffer.wrap(response.body());
        }
        return frame.nioBufferCount() == 1 ? frame.nioBuffer() : ByteBuffer.wrap(ByteBufUtil.getBytes(frame));
    }

    private static List<MessageView> decodeMessages(ByteBuffer buffer, String brokerName) {
        if (buffer == null || !buffer.hasRemaining()) {
            return List.of();
        }
        // a plain loop: this runs for every pulled message, and a stream costs more than the decode of small ones
        int start = buffer.position();
        var first = MessageView.of(MessageCodec.decode(buffer, true), brokerName);
        int recordSize = buffer.position() - start;
        var messages = new ArrayList<MessageView>(1 + buffer.remaining() / recordSize); // most records are alike
        messages.add(first);
        while (buffer.hasRemaining()) {
            messages.add(MessageView.of(MessageCodec.decode(buffer, true), brokerName));
        }
        return messages;
    }
}
