package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** The WIPE_WRITE_PERM_OF_BROKER answer: how many topics changed. */
public record WipeWritePermOfBrokerResponseHeader(int wipeTopicCount) implements CommandHeader {

    public static WipeWritePermOfBrokerResponseHeader from(RemotingCommand cmd) {
        return new WipeWritePermOfBrokerResponseHeader(NamesrvFields.requiredInt(cmd, "wipeTopicCount"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return NamesrvFields.fields("wipeTopicCount", wipeTopicCount);
    }
}
