package io.mq.protocol.message;

import java.util.Map;

/**
 * The properties a broker stores for a sent message, as RocketMQ's send processor fills them: the producer's,
 * the cluster name added ({@code CLUSTER}) and the default {@code WAIT=true} dropped (it only costs bytes).
 *
 * <p>The result is what decoding the sent text into a map, changing the map and encoding it again gives. When the
 * sent text is already in that encoded form (well-formed pairs, no duplicates: what clients send), it is edited as
 * text instead, and the map view over it is only built if someone iterates it: the broker spares a map, its copy
 * and a re-encoding on every send.
 */
public final class StoredProperties {

    /** Clients send a handful; more goes the map way (the positions below are one small array). */
    private static final int MAX_FAST_PAIRS = 16;
    private static final String WAIT_DEFAULT = "true";

    private StoredProperties() {
    }

    public static Map<String, String> of(String sent, String clusterName) {
        var text = editedText(sent == null ? "" : sent, clusterName);
        if (text != null) {
            return EncodedProperties.canonical(text);
        }
        var properties = MessageProperties.decode(sent);
        properties.put(MessageProperties.CLUSTER, clusterName);
        if (WAIT_DEFAULT.equals(properties.get(MessageProperties.WAIT_STORE_MSG_OK))) {
            properties.remove(MessageProperties.WAIT_STORE_MSG_OK);
        }
        return properties;
    }

    /** The stored text, or null when {@code sent} is not in canonical form (then the map path decides). */
    private static String editedText(String sent, String clusterName) {
        if (clusterName == null || clusterName.isEmpty()) {
            return null; // an empty value is dropped when decoded: let the map path spell that out
        }
        int length = sent.length();
        if (length > 0 && sent.charAt(length - 1) == MessageProperties.PROPERTY_SEPARATOR) {
            return null; // a trailing separator: encoding would drop it
        }
        var positions = new int[2 * MAX_FAST_PAIRS]; // per pair: where it starts, where its name ends
        int pairs = 0;
        int skipped = -1; // the WAIT=true pair
        for (int start = 0; start < length; pairs++) {
            int end = sent.indexOf(MessageProperties.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int separator = sent.indexOf(MessageProperties.NAME_VALUE_SEPARATOR, start);
            if (pairs == MAX_FAST_PAIRS || separator <= start || separator >= end - 1
                    || isName(sent, start, separator, MessageProperties.CLUSTER)
                    || repeatsAName(sent, start, separator, positions, pairs)) {
                return null;
            }
            if (isName(sent, start, separator, MessageProperties.WAIT_STORE_MSG_OK)
                    && sent.regionMatches(separator + 1, WAIT_DEFAULT, 0, WAIT_DEFAULT.length())
                    && end - separator - 1 == WAIT_DEFAULT.length()) {
                skipped = pairs;
            }
            positions[2 * pairs] = start;
            positions[2 * pairs + 1] = separator;
            start = end + 1;
        }
        var text = new StringBuilder(length + clusterName.length() + 9);
        for (int i = 0; i < pairs; i++) {
            if (i == skipped) {
                continue;
            }
            int end = i + 1 < pairs ? positions[2 * i + 2] - 1 : length;
            text.append(sent, positions[2 * i], end).append(MessageProperties.PROPERTY_SEPARATOR);
        }
        return text.append(MessageProperties.CLUSTER).append(MessageProperties.NAME_VALUE_SEPARATOR)
                .append(clusterName).toString();
    }

    private static boolean isName(String text, int start, int separator, String name) {
        return separator - start == name.length() && text.startsWith(name, start);
    }

    private static boolean repeatsAName(String text, int start, int separator, int[] positions, int pairs) {
        int length = separator - start;
        for (int i = 0; i < pairs; i++) {
            int earlier = positions[2 * i];
            if (positions[2 * i + 1] - earlier == length && text.regionMatches(start, text, earlier, length)) {
                return true;
            }
        }
        return false;
    }
}
