package io.mq.protocol.message;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Well-known message property names (RocketMQ {@code MessageConst}) and the properties string encoding:
 * {@code name\u0001value} pairs separated by {@code \u0002}.
 */
public final class MessageProperties {
    public static final char NAME_VALUE_SEPARATOR = '\u0001';
    public static final char PROPERTY_SEPARATOR = '\u0002';
    /** Separates several keys inside the {@link #KEYS} property. */
    public static final String KEY_SEPARATOR = " ";

    public static final String KEYS = "KEYS";
    public static final String TAGS = "TAGS";
    public static final String WAIT_STORE_MSG_OK = "WAIT";
    public static final String DELAY_TIME_LEVEL = "DELAY";
    public static final String RETRY_TOPIC = "RETRY_TOPIC";
    public static final String REAL_TOPIC = "REAL_TOPIC";
    public static final String REAL_QUEUE_ID = "REAL_QID";
    public static final String TRANSACTION_PREPARED = "TRAN_MSG";
    public static final String PRODUCER_GROUP = "PGROUP";
    public static final String MIN_OFFSET = "MIN_OFFSET";
    public static final String MAX_OFFSET = "MAX_OFFSET";
    public static final String BUYER_ID = "BUYER_ID";
    public static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    public static final String TRANSFER_FLAG = "TRANSFER_FLAG";
    public static final String CORRECTION_FLAG = "CORRECTION_FLAG";
    public static final String MQ2_FLAG = "MQ2_FLAG";
    public static final String RECONSUME_TIME = "RECONSUME_TIME";
    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_SWITCH = "TRACE_ON";
    public static final String UNIQ_KEY = "UNIQ_KEY";
    public static final String MAX_RECONSUME_TIMES = "MAX_RECONSUME_TIMES";
    public static final String CONSUME_START_TIMESTAMP = "CONSUME_START_TIME";
    public static final String TRANSACTION_PREPARED_QUEUE_OFFSET = "TRAN_PREPARED_QUEUE_OFFSET";
    public static final String TRANSACTION_CHECK_TIMES = "TRANSACTION_CHECK_TIMES";
    public static final String CHECK_IMMUNITY_TIME_IN_SECONDS = "CHECK_IMMUNITY_TIME_IN_SECONDS";
    public static final String INSTANCE_ID = "INSTANCE_ID";
    public static final String CORRELATION_ID = "CORRELATION_ID";
    public static final String REPLY_TO_CLIENT = "REPLY_TO_CLIENT";
    public static final String TTL = "TTL";
    public static final String REPLY_MESSAGE_ARRIVE_TIME = "ARRIVE_TIME";
    public static final String PUSH_REPLY_TIME = "PUSH_REPLY_TIME";
    public static final String CLUSTER = "CLUSTER";
    public static final String MESSAGE_TYPE = "MSG_TYPE";
    /** 5.x timer message: absolute delivery time in epoch milliseconds. */
    public static final String START_DELIVER_TIME = "__STARTDELIVERTIME";
    public static final String TIMER_DELAY_SEC = "TIMER_DELAY_SEC";
    public static final String TIMER_DELAY_MS = "TIMER_DELAY_MS";

    private MessageProperties() {
    }

    /**
     * Encodes as the official client does: no separator after the last pair, entries with a null value
     * skipped. The map's iteration order is kept.
     */
    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        var text = new StringBuilder(properties.size() * 16);
        for (var entry : properties.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(PROPERTY_SEPARATOR);
            }
            text.append(entry.getKey()).append(NAME_VALUE_SEPARATOR).append(entry.getValue());
        }
        return text.toString();
    }

    /**
     * {@link #encode} as UTF-8 bytes. The broker encodes the properties of every message it stores: when they are
     * all ASCII (the usual case) the bytes are written straight into one array of the exact size, with no builder
     * and no intermediate string.
     */
    public static byte[] encodeUtf8(Map<String, String> properties) {
        if (properties instanceof EncodedProperties encoded && encoded.isCanonical()) {
            return encoded.utf8(); // already this encoding, as sent
        }
        if (properties == null || properties.isEmpty()) {
            return new byte[0];
        }
        int length = -1;
        for (var entry : properties.entrySet()) {
            if (entry.getValue() != null) {
                if (!isAscii(entry.getKey()) || !isAscii(entry.getValue())) {
                    return encode(properties).getBytes(StandardCharsets.UTF_8);
                }
                length += entry.getKey().length() + entry.getValue().length() + 2;
            }
        }
        if (length < 0) {
            return new byte[0];
        }
        var bytes = new byte[length];
        int at = 0;
        for (var entry : properties.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (at > 0) {
                bytes[at++] = PROPERTY_SEPARATOR;
            }
            at = putAscii(entry.getKey(), bytes, at);
            bytes[at++] = NAME_VALUE_SEPARATOR;
            at = putAscii(entry.getValue(), bytes, at);
        }
        return bytes;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies the low bytes: exact for ASCII
    private static int putAscii(String s, byte[] target, int at) {
        s.getBytes(0, s.length(), target, at);
        return at + s.length();
    }

    /**
     * Decodes a properties string, tolerating a trailing separator and skipping malformed pairs (no name, no
     * separator, empty value) as RocketMQ does. Returns a mutable map in wire order; a later duplicate name wins.
     */
    public static Map<String, String> decode(String text) {
        if (text == null || text.isEmpty()) {
            return new LinkedHashMap<>();
        }
        var properties = new LinkedHashMap<String, String>();
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = text.indexOf(PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int separator = text.indexOf(NAME_VALUE_SEPARATOR, start);
            if (separator > start && separator < end - 1) {
                properties.put(text.substring(start, separator), text.substring(separator + 1, end));
            }
            start = end + 1;
        }
        return properties;
    }

    /** An unmodifiable empty property map, for messages without properties. */
    public static Map<String, String> none() {
        return Collections.emptyMap();
    }
}
