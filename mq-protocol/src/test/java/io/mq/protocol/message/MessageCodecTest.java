package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final InetSocketAddress BORN_V4 = host("10.1.2.3", 51000);
    private static final InetSocketAddress STORE_V4 = host("192.168.0.7", 10911);
    private static final InetSocketAddress BORN_V6 = host("fe80::1:2:3:4", 52000);
    private static final InetSocketAddress STORE_V6 = host("2001:db8::7", 10911);

    private static InetSocketAddress host(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDraft draft(InetSocketAddress bornHost, Map<String, String> properties, String body) {
        return new MessageDraft("OrderTopic", 3, 7, body.getBytes(StandardCharsets.UTF_8), properties,
                MessageSysFlag.TRANSACTION_COMMIT_TYPE, 1_700_000_000_123L, bornHost, 2, 4242L);
    }

    @Test
    void roundTripsEveryFieldWithIpv4Hosts() {
        var properties = Map.of(MessageProperties.TAGS, "paid", MessageProperties.KEYS, "order-1 order-2",
                MessageProperties.UNIQ_KEY, "AC11000100002A9F0000000000000001");
        var draft = draft(BORN_V4, properties, "hello");

        var buffer = MessageCodec.encode(draft, 4096L, 17L, 1_700_000_000_999L, STORE_V4);
        var message = MessageCodec.decode(buffer, true);

        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(message.storeSize()).isEqualTo(buffer.limit()).isEqualTo(MessageCodec.encodedSize(draft, STORE_V4));
        assertThat(message.topic()).isEqualTo("OrderTopic");
        assertThat(message.queueId()).isEqualTo(3);
        assertThat(message.flag()).isEqualTo(7);
        assertThat(message.queueOffset()).isEqualTo(17L);
        assertThat(message.commitLogOffset()).isEqualTo(4096L);
        assertThat(message.sysFlag()).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(message.transactionType()).isEqualTo(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(message.bornTimestamp()).isEqualTo(1_700_000_000_123L);
        assertThat(message.bornHost()).isEqualTo(BORN_V4);
        assertThat(message.storeTimestamp()).isEqualTo(1_700_000_000_999L);
        assertThat(message.storeHost()).isEqualTo(STORE_V4);
        assertThat(message.reconsumeTimes()).isEqualTo(2);
        assertThat(message.preparedTransactionOffset()).isEqualTo(4242L);
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(message.bodyLength()).isEqualTo(5);
        assertThat(message.properties()).isEqualTo(properties);
        assertThat(message.tags()).isEqualTo("paid");
        assertThat(message.keys()).isEqualTo("order-1 order-2");
        assertThat(message.uniqueKey()).isEqualTo("AC11000100002A9F0000000000000001");
        assertThat(message.bodyCrc()).isEqualTo(MessageCodec.bodyCrc("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(message.bodyCrcMatches()).isTrue();
    }

    @Test
    void roundTripsIpv6HostsAndSetsTheirFlags() {
        var draft = draft(BORN_V6, Map.of(), "v6");

        var buffer = MessageCodec.encode(draft, 0L, 0L, 5L, STORE_V6);
        var message = MessageCodec.decode(buffer, true);

        assertThat(message.bornHost()).isEqualTo(BORN_V6);
        assertThat(message.storeHost()).isEqualTo(STORE_V6);
        assertThat(MessageSysFlag.isBornHostV6(message.sysFlag())).isTrue();
        assertThat(MessageSysFlag.isStoreHostV6(message.sysFlag())).isTrue();
        assertThat(message.storeSize()).isEqualTo(MessageCodec.storeSize(message.sysFlag(), 2, 10, 0));
        assertThat(MessageCodec.peekStoreTimestamp(buffer, 0)).isEqualTo(5L);
    }

    @Test
    void keepsUnicodeInTopicPropertiesAndBody() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("name", "Zoë 東京 🚀");
        properties.put(MessageProperties.TAGS, "łódź");
        var draft = new MessageDraft("主题", 0, 0, "ünïcødé body 🎉".getBytes(StandardCharsets.UTF_8), properties, 0,
                1L, BORN_V4, 0, 0L);

        var message = MessageCodec.decode(MessageCodec.encode(draft, 0, 0, 0, STORE_V4), true);

        assertThat(message.topic()).isEqualTo("主题");
        assertThat(message.properties()).containsExactlyEntriesOf(properties);
        assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("ünïcødé body 🎉");
    }

    @Test
    void decodesWithoutTheBodyAndLandsOnTheNextMessage() {
        var first = MessageCodec.prepare(draft(BORN_V4, Map.of("a", "1"), "first body"), STORE_V4);
        var second = MessageCodec.prepare(draft(BORN_V6, Map.of("b", "2"), "second"), STORE_V4);
        var buffer = ByteBuffer.allocate(first.storeSize() + second.storeSize());
        MessageCodec.write(first, buffer, 0, 0, 1);
        MessageCodec.write(second, buffer, first.storeSize(), 1, 2);
        buffer.flip();

        var headers = MessageCodec.decodeAll(buffer, false);

        assertThat(headers).hasSize(2);
        assertThat(headers.get(0).body()).isNull();
        assertThat(headers.get(0).bodyLength()).isEqualTo(10);
        assertThat(headers.get(0).bodyCrcMatches()).isFalse();
        assertThat(headers.get(1).commitLogOffset()).isEqualTo(first.storeSize());
        assertThat(headers.get(1).property("b")).isEqualTo("2");
        assertThat(headers.get(1).bornHost()).isEqualTo(BORN_V6);
    }

    @Test
    void rejectsATruncatedBufferWithAClearMessageAndKeepsThePosition() {
        var buffer = MessageCodec.encode(draft(BORN_V4, Map.of(), "some body"), 0, 0, 0, STORE_V4);
        var truncated = buffer.slice(0, buffer.limit() - 3);

        assertThatThrownBy(() -> MessageCodec.decode(truncated, true))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("declares " + buffer.limit() + " bytes");
        assertThat(truncated.position()).isZero();
        assertThatThrownBy(() -> MessageCodec.decode(ByteBuffer.allocate(5), true))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void rejectsAWrongMagicCodeAndInconsistentLengths() {
        var badMagic = MessageCodec.encode(draft(BORN_V4, Map.of(), "x"), 0, 0, 0, STORE_V4);
        badMagic.putInt(MessageCodec.MAGIC_CODE_POSITION, MessageCodec.BLANK_MAGIC_CODE);
        assertThatThrownBy(() -> MessageCodec.decode(badMagic, true)).hasMessageContaining("magic");

        var badBodyLength = MessageCodec.encode(draft(BORN_V4, Map.of(), "xyz"), 0, 0, 0, STORE_V4);
        int bodyLengthPosition = MessageCodec.storeTimestampPosition(0) + 8 + 8 + 4 + 8;
        badBodyLength.putInt(bodyLengthPosition, 1);
        assertThatThrownBy(() -> MessageCodec.decode(badBodyLength, true))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void detectsABodyCorruptedAfterStoring() {
        var buffer = MessageCodec.encode(draft(BORN_V4, Map.of(), "precious"), 0, 0, 0, STORE_V4);
        int bodyPosition = MessageCodec.storeTimestampPosition(0) + 8 + 8 + 4 + 8 + 4;
        buffer.put(bodyPosition, (byte) 'P');

        var message = MessageCodec.decode(buffer, true);

        assertThat(message.bodyCrcMatches()).isFalse();
    }

    @Test
    void bodyCrcIsRocketMqsMaskedCrc32() {
        // CRC32("123456789") = 0xCBF43926; RocketMQ masks the sign bit off.
        assertThat(MessageCodec.bodyCrc("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x4BF43926);
        assertThat(MessageCodec.bodyCrc(ByteBuffer.wrap("123456789".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(0x4BF43926);
    }

    @Test
    void rejectsTopicsTooLongForTheFormat() {
        var draft = draft(BORN_V4, Map.of(), "x").withTopic("t".repeat(128));
        assertThatThrownBy(() -> MessageCodec.prepare(draft, STORE_V4)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void decodesABatchBodyIntoDraftsWithTheBatchHeaderFields() {
        var items = List.of(
                MessageDraft.of("ignored", 0, "one".getBytes(StandardCharsets.UTF_8),
                        Map.of(MessageProperties.TAGS, "a", MessageProperties.UNIQ_KEY, "U1"), BORN_V4),
                new MessageDraft("ignored", 0, 5, "two ✓".getBytes(StandardCharsets.UTF_8),
                        Map.of(MessageProperties.KEYS, "k2"), 0, 0L, BORN_V4, 0, 0L));
        var batch = new MessageDraft("BatchTopic", 2, 0, null, Map.of(MessageProperties.WAIT_STORE_MSG_OK, "true"),
                0, 99L, BORN_V6, 1, 0L);

        var drafts = MessageCodec.decodeBatch(ByteBuffer.wrap(MessageCodec.encodeBatch(items)), batch);

        assertThat(drafts).hasSize(2);
        assertThat(drafts).allSatisfy(d -> {
            assertThat(d.topic()).isEqualTo("BatchTopic");
            assertThat(d.queueId()).isEqualTo(2);
            assertThat(d.bornTimestamp()).isEqualTo(99L);
            assertThat(d.bornHost()).isEqualTo(BORN_V6);
            assertThat(d.property(MessageProperties.WAIT_STORE_MSG_OK)).isEqualTo("true");
        });
        assertThat(new String(drafts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(drafts.get(0).tags()).isEqualTo("a");
        assertThat(drafts.get(0).property(MessageProperties.UNIQ_KEY)).isEqualTo("U1");
        assertThat(drafts.get(1).flag()).isEqualTo(5);
        assertThat(new String(drafts.get(1).body(), StandardCharsets.UTF_8)).isEqualTo("two ✓");
        assertThat(drafts.get(1).keys()).isEqualTo("k2");
    }

    @Test
    void batchItemsKeepTheirOwnUniqueIdsWhenTheBatchHasOneToo() {
        // The 5.2.0 client sets UNIQ_KEY on each item and on the batch request itself.
        var items = List.of(MessageDraft.of("t", 0, new byte[1], Map.of(MessageProperties.UNIQ_KEY, "U1"), BORN_V4),
                MessageDraft.of("t", 0, new byte[1], Map.of(MessageProperties.UNIQ_KEY, "U2"), BORN_V4));
        var batch = MessageDraft.of("t", 0, null, Map.of(MessageProperties.UNIQ_KEY, "BATCH", "CLUSTER", "c"), BORN_V4);

        var drafts = MessageCodec.decodeBatch(ByteBuffer.wrap(MessageCodec.encodeBatch(items)), batch);

        assertThat(drafts).extracting(d -> d.property(MessageProperties.UNIQ_KEY)).containsExactly("U1", "U2");
        assertThat(drafts).allSatisfy(d -> assertThat(d.property("CLUSTER")).isEqualTo("c"));
    }

    @Test
    void rejectsATruncatedBatch() {
        var body = MessageCodec.encodeBatch(List.of(MessageDraft.of("t", 0, new byte[10], Map.of("a", "b"), BORN_V4)));
        var batch = MessageDraft.of("t", 0, null, Map.of(), BORN_V4);

        assertThatThrownBy(() -> MessageCodec.decodeBatch(ByteBuffer.wrap(body, 0, body.length - 2), batch))
                .isInstanceOf(MessageFormatException.class);
    }
}
