package io.mq.compat.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/** Runs headers through the official 4.9.7 remoting code, the way its client and broker do. */
final class OfficialHeaders {

    private OfficialHeaders() {
    }

    /** The ext fields the official client sends for this header. */
    static Map<String, String> extFieldsOf(CommandCustomHeader header) {
        var command = RemotingCommand.createRequestCommand(10, header);
        command.makeCustomHeaderToNet();
        return new HashMap<>(command.getExtFields());
    }

    /** The official decoding of these ext fields, as the official broker or client would decode them. */
    static <T extends CommandCustomHeader> T decode(Map<String, String> extFields, Class<T> type) throws Exception {
        var command = RemotingCommand.createResponseCommand(0, null);
        command.setExtFields(new HashMap<>(extFields));
        return type.cast(command.decodeCommandCustomHeader(type));
    }

    /** The names of the instance fields the official header class declares: the ext field names it may send. */
    static Set<String> fieldNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)
                .filter(name -> !name.startsWith("this"))
                .collect(Collectors.toSet());
    }
}
