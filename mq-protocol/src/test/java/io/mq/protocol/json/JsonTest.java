package io.mq.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsFastjsonNonStringKeys() {
        var route = Json.parseObject("{\"brokerAddrs\":{0:\"127.0.0.1:10911\",1:\"127.0.0.1:10921\"},"
                + "\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:{\"brokerOffset\":5}}}");

        assertThat((Map<Object, Object>) route.object("brokerAddrs").asMap()).containsEntry(0L, "127.0.0.1:10911").containsEntry(1L, "127.0.0.1:10921");
        var offsetKey = route.object("offsetTable").asMap().keySet().iterator().next();
        assertThat(offsetKey).isEqualTo(Map.of("brokerName", "b", "queueId", 0L, "topic", "t"));
    }

    @Test
    void writesNonStringKeysAsFastjsonDoes() {
        var addrs = new LinkedHashMap<Object, Object>();
        addrs.put(0L, "127.0.0.1:10911");
        var byQueue = new LinkedHashMap<Object, Object>();
        byQueue.put(Map.of("queueId", 1), 7L);

        assertThat(Json.write(Map.of("brokerAddrs", addrs))).isEqualTo("{\"brokerAddrs\":{0:\"127.0.0.1:10911\"}}");
        assertThat(Json.write(byQueue)).isEqualTo("{{\"queueId\":1}:7}");
    }

    @Test
    void roundTripsEscapesAndControlCharacters() {
        var text = "a\"b\\c\n\u0001k\u0002é✓";

        var written = Json.write(Map.of("i", text));

        assertThat(written).contains("\\u0001").contains("\\u0002");
        assertThat(Json.parseObject(written).string("i")).isEqualTo(text);
    }

    @Test
    void readsNumbersBooleansNullsAndArrays() {
        var o = Json.parseObject(" { \"a\" : -12 , \"b\": 1.5e2, \"c\": true, \"d\": null, \"e\": [1, \"x\", {}],"
                + " \"f\": 123456789012345678901234567890, \"g\": \"42\" } ");

        assertThat(o.longValue("a", 0)).isEqualTo(-12);
        assertThat(o.raw("b")).isEqualTo(new BigDecimal("1.5e2"));
        assertThat(o.bool("c", false)).isTrue();
        assertThat(o.has("d")).isFalse();
        assertThat(o.array("e")).hasSize(3);
        assertThat(o.raw("f")).isInstanceOf(BigDecimal.class);
        assertThat(o.intValue("g", 0)).isEqualTo(42);
        assertThat(o.string("missing", "dflt")).isEqualTo("dflt");
    }

    @Test
    void leavesOutNullFieldsLikeFastjson() {
        var map = new LinkedHashMap<String, Object>();
        map.put("a", null);
        map.put("b", List.of());

        assertThat(Json.write(map)).isEqualTo("{\"b\":[]}");
    }

    @Test
    void rejectsMalformedTextWithThePosition() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1")).isInstanceOf(JsonException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> Json.parse("[1,]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("\"unterminated")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Json.parse("[".repeat(10_000))).hasMessageContaining("nesting");
    }

    @Test
    void namesTheFieldOfAWrongType() {
        var o = Json.parseObject("{\"n\":\"x\",\"m\":[1]}");

        assertThatThrownBy(() -> o.longValue("n", 0)).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> o.object("m")).hasMessageContaining("field 'm': expected an object");
    }
}
