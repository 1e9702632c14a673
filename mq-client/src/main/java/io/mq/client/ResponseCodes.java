package io.mq.client;

import io.mq.protocol.remoting.ResponseCode;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** Names of response codes for messages people read ("TOPIC_NOT_EXIST (17)"), taken from {@link ResponseCode}. */
final class ResponseCodes {

    private static final Map<Integer, String> NAMES = names();

    private ResponseCodes() {
    }

    /** "NAME (code)", or "code N" for a code we do not know. */
    static String describe(int code) {
        var name = NAMES.get(code);
        if (name == null) {
            name = switch (code) {
                case MqClientException.CONNECT_FAILED -> "CONNECT_FAILED";
                case MqClientException.TIMEOUT -> "TIMEOUT";
                case MqClientException.BROKER_NOT_FOUND -> "BROKER_NOT_FOUND";
                case MqClientException.NO_NAME_SERVER -> "NO_NAME_SERVER";
                case MqClientException.NO_ROUTE -> "NO_ROUTE";
                case MqClientException.CLIENT_ERROR -> "CLIENT_ERROR";
                default -> null;
            };
        }
        return name == null ? "code " + code : name + " (" + code + ")";
    }

    private static Map<Integer, String> names() {
        var names = new HashMap<Integer, String>();
        for (var field : ResponseCode.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e); // public constants: cannot happen
                }
            }
        }
        return Map.copyOf(names);
    }
}
