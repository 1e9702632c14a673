package io.mq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodedPropertiesTest {

    private static final String[] NAMES = {"A", "AB", "B", "TAGS", "KEYS", "\u0001", ""};

    @Test
    void answersEveryLookupAsTheDecodedMapWould() {
        var random = new Random(7);
        var alphabet = "AB\u0001\u0002x";
        for (int round = 0; round < 20_000; round++) {
            var text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            var decoded = MessageProperties.decode(text.toString());
            var view = new EncodedProperties(text.toString());
            for (var name : NAMES) {
                assertThat(view.get(name)).as("get(%s) of %s", name, text).isEqualTo(decoded.get(name));
                assertThat(view.containsKey(name)).as("containsKey(%s) of %s", name, text)
                        .isEqualTo(decoded.containsKey(name));
            }
            assertThat(view).as("the whole map of %s", text).isEqualTo(decoded);
            assertThat(view.keySet()).containsExactlyElementsOf(decoded.keySet());
        }
    }

    @Test
    void isUnmodifiable() {
        var view = new EncodedProperties("TAGS\u0001a\u0002KEYS\u0001k");

        assertThat(view.get("KEYS")).isEqualTo("k");
        assertThatThrownBy(() -> view.put("X", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.remove("TAGS")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(view).containsEntry("TAGS", "a");
    }
}
