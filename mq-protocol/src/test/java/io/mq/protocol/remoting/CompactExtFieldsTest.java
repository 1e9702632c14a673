package io.mq.protocol.remoting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactExtFieldsTest {

    @Test
    void behavesAsAHashMapUnderRandomOperations() {
        var random = new Random(11);
        for (int round = 0; round < 500; round++) {
            var compact = new CompactExtFields(2);
            var reference = new HashMap<String, String>();
            for (int step = 0; step < 60; step++) {
                var key = String.valueOf((char) ('a' + random.nextInt(20)));
                var value = "v" + random.nextInt(5);
                switch (random.nextInt(6)) {
                    case 0, 1, 2 -> assertThat(compact.put(key, value)).isEqualTo(reference.put(key, value));
                    case 3 -> assertThat(compact.remove(key)).isEqualTo(reference.remove(key));
                    case 4 -> {
                        compact.entrySet().removeIf(e -> e.getValue().equals(value));
                        reference.entrySet().removeIf(e -> e.getValue().equals(value));
                    }
                    default -> {
                        compact.entrySet().forEach(e -> e.setValue(e.getValue() + "!"));
                        reference.entrySet().forEach(e -> e.setValue(e.getValue() + "!"));
                    }
                }
                assertThat(compact).isEqualTo(reference);
                assertThat(compact.get(key)).isEqualTo(reference.get(key));
                assertThat(compact.containsKey(key)).isEqualTo(reference.containsKey(key));
                assertThat(compact.hashCode()).isEqualTo(reference.hashCode());
            }
            compact.clear();
            assertThat(compact).isEmpty();
        }
    }

    @Test
    void lookupsByAnEqualKeyThatIsNotTheSameString() {
        var compact = new CompactExtFields(4);
        compact.put("topic", "T");

        assertThat(compact.get(new String("topic"))).isEqualTo("T");
        assertThat(compact.get(null)).isNull();
        assertThat(compact.get(42)).isNull();
    }
}
