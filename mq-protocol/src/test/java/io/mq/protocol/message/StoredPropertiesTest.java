package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredPropertiesTest {

    private static final String[] PIECES = {"WAIT", "true", "CLUSTER", "TAGS", "x", "A", "\u0001", "\u0002", "\u0001",
            "\u0002", "\u00e9"};

    @Test
    void storesWhatDecodingEditingAndEncodingWould() {
        var random = new Random(3);
        int edited = 0;
        for (int round = 0; round < 50_000; round++) {
            var text = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            var expected = byTheMap(text.toString(), "c1");
            var stored = StoredProperties.of(text.toString(), "c1");

            assertThat(stored).as("map of %s", text).isEqualTo(expected);
            assertThat(bytesOf(stored)).as("bytes of %s", text).isEqualTo(MessageProperties.encodeUtf8(expected));
            if (stored instanceof EncodedProperties) {
                edited++;
            }
        }
        assertThat(edited).as("texts edited as text").isGreaterThan(1_000);
    }

    @Test
    void dropsTheDefaultWaitAndAddsTheClusterToWhatAClientSends() {
        var sent = "WAIT\u0001true\u0002TAGS\u0001t\u0002UNIQ_KEY\u0001ID";

        var stored = StoredProperties.of(sent, "DefaultCluster");

        assertThat(bytesOf(stored)).asString()
                .isEqualTo("TAGS\u0001t\u0002UNIQ_KEY\u0001ID\u0002CLUSTER\u0001DefaultCluster");
        assertThat(stored.get("TAGS")).isEqualTo("t");
        assertThat(StoredProperties.of(null, "c")).containsExactly(Map.entry("CLUSTER", "c"));
        assertThat(StoredProperties.of("WAIT\u0001false", "c")).containsEntry("WAIT", "false");
    }

    @Test
    void manyPropertiesGoTheMapWayWithTheSameResult() {
        var sent = new StringBuilder("WAIT\u0001true");
        for (int i = 0; i < 40; i++) {
            sent.append("\u0002k").append(i).append('\u0001').append(i);
        }

        var stored = StoredProperties.of(sent.toString(), "c");

        assertThat(stored).isNotInstanceOf(EncodedProperties.class).isEqualTo(byTheMap(sent.toString(), "c"));
        assertThat(bytesOf(stored)).isEqualTo(MessageProperties.encodeUtf8(byTheMap(sent.toString(), "c")));
    }

    private static Map<String, String> byTheMap(String sent, String cluster) {
        var properties = new LinkedHashMap<>(MessageProperties.decode(sent));
        properties.put(MessageProperties.CLUSTER, cluster);
        if ("true".equals(properties.get(MessageProperties.WAIT_STORE_MSG_OK))) {
            properties.remove(MessageProperties.WAIT_STORE_MSG_OK);
        }
        return properties;
    }

    private static byte[] bytesOf(Map<String, String> stored) {
        var draft = MessageDraft.of("T", 0, new byte[0], stored, new java.net.InetSocketAddress("127.0.0.1", 1));
        return MessageCodec.prepare(draft, new java.net.InetSocketAddress("127.0.0.1", 2)).propertiesBytes();
    }
}
