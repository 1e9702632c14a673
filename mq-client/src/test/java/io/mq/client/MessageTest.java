package io.mq.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.message.MessageProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Messages carry the properties the official client would set, and refuse what would break the wire. */
class MessageTest {

    @Test
    void builderSetsTheOfficialPropertyNames() {
        var message = Message.builder("T").tags("A").keys("k1", "k2").delayLevel(3).property("p", "v")
                .deliverAt(Instant.ofEpochMilli(1234)).build();

        assertThat(message.properties())
                .containsEntry(MessageProperties.TAGS, "A")
                .containsEntry(MessageProperties.KEYS, "k1 k2")
                .containsEntry(MessageProperties.DELAY_TIME_LEVEL, "3")
                .containsEntry(MessageProperties.WAIT_STORE_MSG_OK, "true")
                .containsEntry(MessageProperties.START_DELIVER_TIME, "1234")
                .containsEntry("p", "v");
        assertThat(message.keys()).containsExactly("k1", "k2");
        assertThat(message.delayLevel()).isEqualTo(3);
        assertThat(message.toBuilder().delayLevel(0).build().delayLevel()).isZero();
    }

    @Test
    void reservedNamesAndSeparatorsAreRefused() {
        var builder = Message.builder("T");

        assertThatThrownBy(() -> builder.property("UNIQ_KEY", "x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> builder.property("TAGS", "x")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> builder.property("a", "b\u0001c")).hasMessageContaining("\\u0001");
        assertThat(builder.system("RETRY_TOPIC", "T").build().property("RETRY_TOPIC")).isEqualTo("T");
    }
}
