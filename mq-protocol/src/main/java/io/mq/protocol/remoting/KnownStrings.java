package io.mq.protocol.remoting;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The ext field names (and a few values) that nearly every send and pull frame carries, so that decoding a binary
 * header hands out these constants instead of a new String for each: a lookup by a hash of the bytes, confirmed
 * byte by byte, that allocates nothing.
 */
final class KnownStrings {

    private static final String[] KNOWN = {
        // SendMessageRequestHeaderV2 fields, the send response, what brokers add to it
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "msgId", "queueId", "queueOffset", "transactionId", "batchUniqId", "MSG_REGION", "TRACE_ON", "DefaultRegion",
        // the pull request and response
        "consumerGroup", "topic", "commitOffset", "suspendTimeoutMillis", "subscription", "subVersion",
        "expressionType", "maxMsgNums", "sysFlag", "nextBeginOffset", "minOffset", "maxOffset",
        "suggestWhichBrokerId", "bname", "groupSysFlag", "topicSysFlag", "offsetDelta", "*", "true", "false", "0",
    };
    private static final int MAX_LENGTH = 20; // the longest known one: ids (32 hex digits) skip the lookup
    private static final String[] TABLE = new String[256];
    private static final byte[][] BYTES = new byte[TABLE.length][];

    static {
        for (var text : KNOWN) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            int slot = hash(bytes) & (TABLE.length - 1);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (TABLE.length - 1);
            }
            TABLE[slot] = text;
            BYTES[slot] = bytes;
        }
    }

    private KnownStrings() {
    }

    /** The constant spelled by {@code length} bytes of {@code buf} at {@code index}, or null when none is. */
    static String match(ByteBuf buf, int index, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buf.getByte(index + i);
        }
        for (int slot = hash & (TABLE.length - 1); TABLE[slot] != null; slot = (slot + 1) & (TABLE.length - 1)) {
            if (equal(BYTES[slot], buf, index, length)) {
                return TABLE[slot];
            }
        }
        return null;
    }

    private static boolean equal(byte[] known, ByteBuf buf, int index, int length) {
        if (known.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (known[i] != buf.getByte(index + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes) {
        int hash = 0;
        for (byte b : bytes) {
            hash = 31 * hash + b;
        }
        return hash;
    }
}
