package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** NOTIFY_CONSUMER_IDS_CHANGED (40), broker to consumer, one-way: the group's membership changed, rebalance now. */
public record NotifyConsumerIdsChangedRequestHeader(
        String consumerGroup) implements CommandHeader {

    public static NotifyConsumerIdsChangedRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static NotifyConsumerIdsChangedRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new NotifyConsumerIdsChangedRequestHeader(
                f.string("consumerGroup"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("consumerGroup", consumerGroup)
                .build();
    }
}
