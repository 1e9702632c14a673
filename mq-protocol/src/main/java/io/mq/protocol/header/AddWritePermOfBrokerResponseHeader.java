package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** The ADD_WRITE_PERM_OF_BROKER answer: how many topics changed. */
public record AddWritePermOfBrokerResponseHeader(int addTopicCount) implements CommandHeader {

    public static AddWritePermOfBrokerResponseHeader from(RemotingCommand cmd) {
        return new AddWritePermOfBrokerResponseHeader(NamesrvFields.requiredInt(cmd, "addTopicCount"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("addTopicCount", addTopicCount);
    }
}
