package io.mq.broker.store.index;

import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import io.mq.protocol.message.StoredMessage;
import java.util.ArrayList;
import java.util.List;

/** Which keys a message is indexed under, and how a key is spelled in the index ({@code topic#key}). */
public final class IndexKeys {

    private IndexKeys() {
    }

    /**
     * The unique id (UNIQ_KEY) and each space-separated key of the KEYS property, as index keys. A rolled-back
     * transaction message is never indexed, as in RocketMQ.
     */
    public static List<String> of(StoredMessage message) {
        if (message.transactionType() == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return List.of();
        }
        var keys = new ArrayList<String>(2);
        var unique = message.uniqueKey();
        if (unique != null && !unique.isEmpty()) {
            keys.add(indexKey(message.topic(), unique));
        }
        var userKeys = message.keys();
        if (userKeys != null && !userKeys.isEmpty()) {
            for (var key : userKeys.split(MessageProperties.KEY_SEPARATOR)) {
                if (!key.isEmpty()) {
                    keys.add(indexKey(message.topic(), key));
                }
            }
        }
        return keys;
    }

    public static String indexKey(String topic, String key) {
        return topic + "#" + key;
    }

    /** Whether the message carries {@code key} as its unique id ({@code uniqueKey}) or among its keys. */
    public static boolean matches(StoredMessage message, String topic, String key, boolean uniqueKey) {
        if (!topic.equals(message.topic())) {
            return false;
        }
        if (uniqueKey) {
            return key.equals(message.uniqueKey());
        }
        var userKeys = message.keys();
        if (userKeys == null) {
            return false;
        }
        for (var k : userKeys.split(MessageProperties.KEY_SEPARATOR)) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A non-negative hash of an index key (String.hashCode spread, so nearby keys land in different slots). */
    static int hash(String indexKey) {
        int h = indexKey.hashCode();
        h ^= h >>> 16;
        return h & 0x7fffffff;
    }
}
