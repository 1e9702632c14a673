package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {

    @Test
    void encodesLikeTheOfficialClientWithoutATrailingSeparator() {
        var properties = tagsSkippedKeys();

        assertThat(MessageProperties.encode(properties)).isEqualTo("TAGS\u0001a\u0002KEYS\u0001k1 k2");
    }

    @Test
    void encodesToTheSameUtf8BytesAsTheString() {
        var ascii = tagsSkippedKeys();
        var unicode = new LinkedHashMap<>(ascii);
        unicode.put("name", "caf\u00e9 \u4e2d");
        var onlyNulls = new LinkedHashMap<String, String>();
        onlyNulls.put("A", null);

        for (var properties : java.util.List.of(ascii, unicode, onlyNulls, new LinkedHashMap<String, String>())) {
            assertThat(MessageProperties.encodeUtf8(properties))
                    .isEqualTo(MessageProperties.encode(properties).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(MessageProperties.encodeUtf8(null)).isEmpty();
    }

    /** TAGS=a, a null value, KEYS="k1 k2", in that order. */
    private static LinkedHashMap<String, String> tagsSkippedKeys() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("TAGS", "a");
        properties.put("skipped", null);
        properties.put("KEYS", "k1 k2");
        return properties;
    }

    @Test
    void decodesWithOrWithoutTrailingSeparatorAndSkipsMalformedPairs() {
        assertThat(MessageProperties.decode("A\u00011\u0002B\u0001two\u0002"))
                .containsExactly(entry("A", "1"), entry("B", "two"));
        assertThat(MessageProperties.decode("\u0001novalue\u0002C\u0001\u0002noseparator\u0002D\u00014"))
                .containsExactly(entry("D", "4"));
        assertThat(MessageProperties.decode("")).isEmpty();
        assertThat(MessageProperties.decode(null)).isEmpty();
    }

    @Test
    void roundTripsUnicode() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("città", "東京 🚀");
        properties.put("emoji", "👍🏽");

        assertThat(MessageProperties.decode(MessageProperties.encode(properties))).isEqualTo(properties);
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
