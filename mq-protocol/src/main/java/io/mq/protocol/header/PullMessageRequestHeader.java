package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/**
 * PULL_MESSAGE (11) request header. {@code sysFlag} bits say what the request carries; the accessors
 * {@link #commitOffsetPresent()}, {@link #suspend()}, ... read them.
 *
 * @param maxMsgBytes 5.x only, null from 4.x
 * @param requestSource 5.x only (proxy), null from 4.x
 * @param proxyForwardClientId 5.x only; RocketMQ spells its ext field {@code proxyFrowardClientId}
 * @param brokerName 5.x only (ext field {@code bname})
 */
public record PullMessageRequestHeader(
        String consumerGroup,
        String topic,
        int queueId,
        long queueOffset,
        int maxMsgNums,
        int sysFlag,
        long commitOffset,
        long suspendTimeoutMillis,
        String subscription,
        long subVersion,
        String expressionType,
        Integer maxMsgBytes,
        Integer requestSource,
        String proxyForwardClientId,
        String brokerName) implements CommandHeader {

    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x1 << 1;
    public static final int FLAG_SUBSCRIPTION = 0x1 << 2;
    public static final int FLAG_CLASS_FILTER = 0x1 << 3;
    public static final int FLAG_LITE_PULL_MESSAGE = 0x1 << 4;

    public static PullMessageRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static PullMessageRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new PullMessageRequestHeader(
                f.string("consumerGroup"),
                f.string("topic"),
                f.integer("queueId"),
                f.longValue("queueOffset"),
                f.integer("maxMsgNums"),
                f.integer("sysFlag"),
                f.longValue("commitOffset"),
                f.longValue("suspendTimeoutMillis"),
                f.optionalString("subscription"),
                f.longValue("subVersion"),
                f.optionalString("expressionType"),
                f.optionalInteger("maxMsgBytes"),
                f.optionalInteger("requestSource"),
                f.optionalString("proxyFrowardClientId"),
                f.optionalString("bname"));
    }

    /** The client asks the broker to store {@link #commitOffset()} as the group's offset. */
    public boolean commitOffsetPresent() {
        return (sysFlag & FLAG_COMMIT_OFFSET) != 0;
    }

    /** Long polling: hold the request up to {@link #suspendTimeoutMillis()} when no message is there. */
    public boolean suspend() {
        return (sysFlag & FLAG_SUSPEND) != 0;
    }

    /** The request carries {@link #subscription()}, to use instead of the registered one. */
    public boolean subscriptionPresent() {
        return (sysFlag & FLAG_SUBSCRIPTION) != 0;
    }

    public boolean classFilter() {
        return (sysFlag & FLAG_CLASS_FILTER) != 0;
    }

    public boolean litePull() {
        return (sysFlag & FLAG_LITE_PULL_MESSAGE) != 0;
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("queueOffset", queueOffset)
                .put("maxMsgNums", maxMsgNums)
                .put("sysFlag", sysFlag)
                .put("commitOffset", commitOffset)
                .put("suspendTimeoutMillis", suspendTimeoutMillis)
                .put("subscription", subscription)
                .put("subVersion", subVersion)
                .put("expressionType", expressionType)
                .put("maxMsgBytes", maxMsgBytes)
                .put("requestSource", requestSource)
                .put("proxyFrowardClientId", proxyForwardClientId)
                .put("bname", brokerName)
                .build();
    }
}
