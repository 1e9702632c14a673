package io.mq.spring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.client.MessageView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class MqMessageConverterTest {

    private final MqMessageConverter converter = MqMessageConverter.withJson(new JsonMapper());

    @Test
    void destinationIsTopicOrTopicColonTag() {
        assertThat(Destination.parse("orders")).isEqualTo(new Destination("orders", null));
        assertThat(Destination.parse("orders:created")).isEqualTo(new Destination("orders", "created"));
        assertThat(Destination.parse("orders:")).isEqualTo(new Destination("orders", null));
        assertThatThrownBy(() -> Destination.parse(":tag")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesAndStringsTravelAsTheyAreAndObjectsAsJson() {
        assertThat(converter.toMessageBuilder("t", new byte[] {7}).build().body()).containsExactly(7);
        assertThat(converter.toMessageBuilder("t", "héllo").build().body())
                .isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(converter.toMessageBuilder("t", new Point(1, 2)).build().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"x\":1,\"y\":2}");
    }

    @Test
    void headersBecomeSystemAndUserProperties() {
        var at = Instant.ofEpochMilli(1_700_000_000_000L);
        var message = converter.toMessageBuilder("t:tag-from-destination", MessageBuilder.withPayload("x")
                .setHeader(MqHeaders.KEYS, "a b").setHeader(MqHeaders.DELAY_LEVEL, 2)
                .setHeader(MqHeaders.DELIVERY_TIME, at).setHeader("region", "eu").setHeader("amount", 5)
                .setHeader("notSimple", List.of(1)).build()).build();

        assertThat(message.keys()).containsExactly("a", "b");
        assertThat(message.tags()).isEqualTo("tag-from-destination");
        assertThat(message.delayLevel()).isEqualTo(2);
        assertThat(message.deliveryTime()).contains(at);
        assertThat(message.properties()).containsEntry("region", "eu").containsEntry("amount", "5")
                .doesNotContainKeys("notSimple", "id", "timestamp", "contentType");
    }

    @Test
    void receivedMessagesConvertToTheAskedType() {
        var view = new MessageView("t", "{\"x\":3,\"y\":4}".getBytes(StandardCharsets.UTF_8),
                Map.of("TAGS", "created", "region", "eu"), "id-1", "off-1", "broker-a", 2, 10, 100, 0, 0, 1, null, 2,
                null, 3, 0);

        assertThat(converter.fromMessage(view, Point.class)).isEqualTo(new Point(3, 4));
        assertThat(converter.fromMessage(view, String.class)).isEqualTo("{\"x\":3,\"y\":4}");
        var headers = converter.toSpringMessage(view).getHeaders();
        assertThat(headers).containsEntry(MqHeaders.TAGS, "created").containsEntry("region", "eu")
                .containsEntry(MqHeaders.QUEUE_ID, 2).containsEntry(MqHeaders.RECONSUME_TIMES, 3)
                .containsEntry(MqHeaders.MESSAGE_ID, "id-1").doesNotContainKey("TAGS");
    }

    record Point(int x, int y) {
    }
}
