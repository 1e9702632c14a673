package io.mq.protocol.message;

import java.net.InetSocketAddress;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The RocketMQ 4.x stored message encoding, which is also what a pull answers with:
 * <pre>
 * totalSize i32 | magic i32 | bodyCRC i32 | queueId i32 | flag i32 | queueOffset i64 | physicalOffset i64
 * sysFlag i32 | bornTimestamp i64 | bornHost (4|16 + port i32) | storeTimestamp i64 | storeHost (4|16 + i32)
 * reconsumeTimes i32 | preparedTransactionOffset i64 | bodyLength i32 + body | topicLength i8 + topic
 * propertiesLength i16 + properties
 * </pre>
 * All big-endian. Also the batch body of {@code SEND_BATCH_MESSAGE}.
 */
public final class MessageCodec {
    /** Magic code of a 4.x message record. */
    public static final int MAGIC_CODE = 0xDAA320A7;
    /** Magic code of the blank record that pads the end of a commit-log segment. */
    public static final int BLANK_MAGIC_CODE = 0xCBD43194;
    /** A blank record is at least its size and magic code. */
    public static final int BLANK_RECORD_MIN_SIZE = 4 + 4;

    public static final int MAGIC_CODE_POSITION = 4;
    public static final int BODY_CRC_POSITION = 8;
    public static final int QUEUE_ID_POSITION = 12;
    public static final int FLAG_POSITION = 16;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int PHYSICAL_OFFSET_POSITION = 28;
    public static final int SYS_FLAG_POSITION = 36;
    public static final int BORN_TIMESTAMP_POSITION = 40;
    public static final int BORN_HOST_POSITION = 48;

    /** The smallest possible record: IPv4 hosts, empty body, topic and properties. */
    public static final int MIN_STORE_SIZE = storeSize(0, 0, 0, 0);

    private static final int MAX_TOPIC_BYTES = Byte.MAX_VALUE;
    private static final int MAX_PROPERTIES_BYTES = Short.MAX_VALUE;
    private static final int BATCH_ITEM_FIXED_SIZE = 4 + 4 + 4 + 4 + 4 + 2;

    private MessageCodec() {
    }

    /** CRC32 of the body masked to a non-negative int, as RocketMQ stores it. */
    public static int bodyCrc(byte[] body) {
        var crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /** Same as {@link #bodyCrc(byte[])} over the remaining bytes of a buffer (its position is kept). */
    public static int bodyCrc(ByteBuffer body) {
        var crc = new CRC32();
        crc.update(body.duplicate());
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    /** Stored size of a message with the given flag (which decides the host lengths) and field lengths. */
    public static int storeSize(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        int bornHostLength = MessageSysFlag.isBornHostV6(sysFlag) ? 20 : 8;
        int storeHostLength = MessageSysFlag.isStoreHostV6(sysFlag) ? 20 : 8;
        return 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + bornHostLength + 8 + storeHostLength + 4 + 8
                + 4 + bodyLength + 1 + topicLength + 2 + propertiesLength;
    }

    /** Where the store timestamp sits inside a record with this sysFlag. */
    public static int storeTimestampPosition(int sysFlag) {
        return BORN_HOST_POSITION + (MessageSysFlag.isBornHostV6(sysFlag) ? 20 : 8);
    }

    /** Reads the store timestamp of the record that starts at {@code index}, without moving the buffer. */
    public static long peekStoreTimestamp(ByteBuffer buffer, int index) {
        int sysFlag = buffer.getInt(index + SYS_FLAG_POSITION);
        return buffer.getLong(index + storeTimestampPosition(sysFlag));
    }

    public static int encodedSize(MessageDraft draft, InetSocketAddress storeHost) {
        return prepare(draft, storeHost).storeSize();
    }

    /**
     * Computes what does not depend on the message's place in the log. Throws {@link MessageFormatException}
     * when the topic or the properties are too long for the format.
     */
    public static PreparedMessage prepare(MessageDraft draft, InetSocketAddress storeHost) {
        byte[] topic = draft.topic().getBytes(StandardCharsets.UTF_8);
        if (topic.length == 0 || topic.length > MAX_TOPIC_BYTES) {
            throw new MessageFormatException("topic must be 1 to " + MAX_TOPIC_BYTES + " bytes: " + draft.topic());
        }
        byte[] properties = MessageProperties.encodeUtf8(draft.properties());
        if (properties.length > MAX_PROPERTIES_BYTES) {
            throw new MessageFormatException("properties exceed " + MAX_PROPERTIES_BYTES + " bytes: " + properties.length);
        }
        byte[] bornAddress = draft.bornHost().getAddress().getAddress();
        byte[] storeAddress = storeHost.getAddress().getAddress();
        int sysFlag = MessageSysFlag.withBornHostV6(draft.sysFlag(), bornAddress.length == 16);
        sysFlag = MessageSysFlag.withStoreHostV6(sysFlag, storeAddress.length == 16);
        int size = storeSize(sysFlag, draft.body().length, topic.length, properties.length);
        return new PreparedMessage(draft, sysFlag, topic, properties, bornAddress, storeAddress, storeHost.getPort(),
                bodyCrc(draft.body()), size);
    }

    /**
     * Writes a prepared message at the target's position and advances it by {@code storeSize}. Puts straight into
     * the target, no intermediate buffers: the store calls this while it holds its write lock.
     */
    public static void write(PreparedMessage message, ByteBuffer target, long physicalOffset, long queueOffset,
            long storeTimestamp) {
        if (target.remaining() < message.storeSize()) {
            throw new IllegalArgumentException(
                    "target has " + target.remaining() + " bytes left, message needs " + message.storeSize());
        }
        var draft = message.draft();
        target.putInt(message.storeSize())
                .putInt(MAGIC_CODE)
                .putInt(message.bodyCrc())
                .putInt(draft.queueId())
                .putInt(draft.flag())
                .putLong(queueOffset)
                .putLong(physicalOffset)
                .putInt(message.sysFlag())
                .putLong(draft.bornTimestamp())
                .put(message.bornHostAddress())
                .putInt(draft.bornHost().getPort())
                .putLong(storeTimestamp)
                .put(message.storeHostAddress())
                .putInt(message.storeHostPort())
                .putInt(draft.reconsumeTimes())
                .putLong(draft.preparedTransactionOffset())
                .putInt(draft.body().length)
                .put(draft.body())
                .put((byte) message.topicBytes().length)
                .put(message.topicBytes())
                .putShort((short) message.propertiesBytes().length)
                .put(message.propertiesBytes());
    }

    /** Prepares and writes in one step. */
    public static void encode(MessageDraft draft, ByteBuffer target, long physicalOffset, long queueOffset,
            long storeTimestamp, InetSocketAddress storeHost) {
        write(prepare(draft, storeHost), target, physicalOffset, queueOffset, storeTimestamp);
    }

    /** Encodes into a new heap buffer, flipped for reading. */
    public static ByteBuffer encode(MessageDraft draft, long physicalOffset, long queueOffset, long storeTimestamp,
            InetSocketAddress storeHost) {
        var prepared = prepare(draft, storeHost);
        var buffer = ByteBuffer.allocate(prepared.storeSize());
        write(prepared, buffer, physicalOffset, queueOffset, storeTimestamp);
        return buffer.flip();
    }

    /**
     * Decodes the record at the buffer's position and moves the position past it. Without the body the result has
     * a null body (its length is still given). Throws {@link MessageFormatException} for a truncated or
     * inconsistent record, leaving the position unchanged.
     */
    public static StoredMessage decode(ByteBuffer buffer, boolean readBody) {
        int start = buffer.position();
        if (buffer.remaining() < 8) {
            throw new MessageFormatException("truncated message at " + start + ": " + buffer.remaining() + " bytes left");
        }
        int totalSize = buffer.getInt(start);
        int magic = buffer.getInt(start + MAGIC_CODE_POSITION);
        if (magic != MAGIC_CODE) {
            throw new MessageFormatException("bad magic code 0x" + Integer.toHexString(magic) + " at " + start);
        }
        if (totalSize < MIN_STORE_SIZE || totalSize > buffer.remaining()) {
            throw new MessageFormatException("message at " + start + " declares " + totalSize + " bytes, "
                    + buffer.remaining() + " available");
        }
        var record = buffer.slice(start, totalSize);
        StoredMessage message;
        try {
            message = decodeRecord(record, readBody);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MessageFormatException("message at " + start + " is inconsistent with its size " + totalSize, e);
        }
        if (record.hasRemaining()) {
            throw new MessageFormatException("message at " + start + " declares " + totalSize + " bytes but its fields take "
                    + record.position());
        }
        buffer.position(start + totalSize);
        return message;
    }

    /** Decodes records one after another until the buffer is exhausted (a pull response body). */
    public static List<StoredMessage> decodeAll(ByteBuffer buffer, boolean readBody) {
        var messages = new ArrayList<StoredMessage>();
        while (buffer.hasRemaining()) {
            messages.add(decode(buffer, readBody));
        }
        return messages;
    }

    private static StoredMessage decodeRecord(ByteBuffer record, boolean readBody) {
        int storeSize = record.getInt();
        record.getInt(); // magic, checked by the caller
        int bodyCrc = record.getInt();
        int queueId = record.getInt();
        int flag = record.getInt();
        long queueOffset = record.getLong();
        long physicalOffset = record.getLong();
        int sysFlag = record.getInt();
        long bornTimestamp = record.getLong();
        var bornHost = StoredHosts.read(record, MessageSysFlag.isBornHostV6(sysFlag));
        long storeTimestamp = record.getLong();
        var storeHost = StoredHosts.read(record, MessageSysFlag.isStoreHostV6(sysFlag));
        int reconsumeTimes = record.getInt();
        long preparedTransactionOffset = record.getLong();
        int bodyLength = record.getInt();
        if (bodyLength < 0 || bodyLength > record.remaining()) {
            throw new IllegalArgumentException("body length " + bodyLength);
        }
        byte[] body = null;
        if (readBody) {
            body = new byte[bodyLength];
            record.get(body);
        } else {
            record.position(record.position() + bodyLength);
        }
        int topicLength = record.get();
        if (topicLength < 0) {
            throw new IllegalArgumentException("topic length " + topicLength);
        }
        var topic = readString(record, topicLength);
        int propertiesLength = record.getShort();
        if (propertiesLength < 0) {
            throw new IllegalArgumentException("properties length " + propertiesLength);
        }
        var properties = propertiesLength == 0
                ? MessageProperties.none()
                : new EncodedProperties(readString(record, propertiesLength));
        return new StoredMessage(storeSize, bodyCrc, queueId, flag, queueOffset, physicalOffset, sysFlag, bornTimestamp,
                bornHost, storeTimestamp, storeHost, reconsumeTimes, preparedTransactionOffset, bodyLength, body, topic,
                properties);
    }

    private static String readString(ByteBuffer record, int length) {
        if (length > record.remaining()) {
            throw new BufferUnderflowException();
        }
        String value;
        if (record.hasArray()) {
            value = new String(record.array(), record.arrayOffset() + record.position(), length, StandardCharsets.UTF_8);
        } else {
            var bytes = new byte[length];
            record.get(record.position(), bytes);
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        record.position(record.position() + length);
        return value;
    }

    /**
     * Decodes a {@code SEND_BATCH_MESSAGE} body into drafts. Each item brings its flag, body and properties; the
     * rest (topic, queue, sysFlag, born time and host, reconsume times) comes from {@code batch}, whose properties
     * are added to every item's (winning on a clash, as RocketMQ appends them) except the unique id: the 5.x client
     * gives the batch request an id of its own, and letting it win would give every message of the batch that one
     * id (Apache RocketMQ issue 9416, fixed after 5.2.0).
     */
    public static List<MessageDraft> decodeBatch(ByteBuffer body, MessageDraft batch) {
        var drafts = new ArrayList<MessageDraft>();
        var buffer = body.duplicate();
        while (buffer.hasRemaining()) {
            int start = buffer.position();
            try {
                int totalSize = buffer.getInt();
                buffer.getInt(); // magic: the client writes 0
                buffer.getInt(); // body CRC: the client writes 0, the store computes it
                int flag = buffer.getInt();
                int bodyLength = buffer.getInt();
                if (bodyLength < 0 || bodyLength > buffer.remaining()) {
                    throw new MessageFormatException("batch item at " + start + " has body length " + bodyLength);
                }
                var itemBody = new byte[bodyLength];
                buffer.get(itemBody);
                int propertiesLength = buffer.getShort();
                if (propertiesLength < 0 || propertiesLength > buffer.remaining()) {
                    throw new MessageFormatException("batch item at " + start + " has properties length " + propertiesLength);
                }
                var properties = MessageProperties.decode(readString(buffer, propertiesLength));
                if (totalSize != BATCH_ITEM_FIXED_SIZE + bodyLength + propertiesLength) {
                    throw new MessageFormatException("batch item at " + start + " declares " + totalSize + " bytes, has "
                            + (buffer.position() - start));
                }
                var merged = new LinkedHashMap<>(properties);
                merged.putAll(batch.properties());
                var ownId = properties.get(MessageProperties.UNIQ_KEY);
                if (ownId != null) {
                    merged.put(MessageProperties.UNIQ_KEY, ownId);
                }
                drafts.add(new MessageDraft(batch.topic(), batch.queueId(), flag, itemBody, merged, batch.sysFlag(),
                        batch.bornTimestamp(), batch.bornHost(), batch.reconsumeTimes(), 0L));
            } catch (BufferUnderflowException e) {
                throw new MessageFormatException("truncated batch item at " + start, e);
            }
        }
        return drafts;
    }

    /** Encodes drafts (flag, body, properties only) as a batch body, the way the official client does. */
    public static byte[] encodeBatch(List<MessageDraft> drafts) {
        var items = new ArrayList<byte[]>(drafts.size());
        int total = 0;
        for (var draft : drafts) {
            byte[] properties = MessageProperties.encodeUtf8(draft.properties());
            if (properties.length > MAX_PROPERTIES_BYTES) {
                throw new MessageFormatException("properties exceed " + MAX_PROPERTIES_BYTES + " bytes");
            }
            int size = BATCH_ITEM_FIXED_SIZE + draft.body().length + properties.length;
            var item = ByteBuffer.allocate(size)
                    .putInt(size).putInt(0).putInt(0).putInt(draft.flag())
                    .putInt(draft.body().length).put(draft.body())
                    .putShort((short) properties.length).put(properties);
            items.add(item.array());
            total += size;
        }
        var all = ByteBuffer.allocate(total);
        items.forEach(all::put);
        return all.array();
    }
}
