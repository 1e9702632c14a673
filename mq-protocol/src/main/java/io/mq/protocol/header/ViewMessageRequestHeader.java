package io.mq.protocol.header;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import java.util.Map;

/** VIEW_MESSAGE_BY_ID (33) request: the commit-log offset decoded from an offset message id. */
public record ViewMessageRequestHeader(
        long offset) implements CommandHeader {

    public static ViewMessageRequestHeader from(RemotingCommand command) {
        return from(command.extFields());
    }

    public static ViewMessageRequestHeader from(Map<String, String> fields) {
        var f = ExtFieldReader.of(fields);
        return new ViewMessageRequestHeader(
                f.longValue("offset"));
    }

    @Override
    public Map<String, String> toExtFields() {
        return ExtFieldWriter.create()
                .put("offset", offset)
                .build();
    }
}
