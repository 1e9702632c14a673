package io.mq.compat.wire;

import io.mq.protocol.json.Json;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares JSON bodies by meaning: object fields in any order, arrays as unordered collections (the bodies'
 * arrays are Java sets), and named keys left out at any depth (getters fastjson writes that carry nothing
 * new, or fields the other version does not have).
 */
final class JsonTrees {

    private JsonTrees() {
    }

    static Object tree(byte[] json, Set<String> ignoredKeys) {
        return normalize(Json.parse(json), ignoredKeys);
    }

    private static Object normalize(Object value, Set<String> ignored) {
        if (value instanceof Map<?, ?> map) {
            var out = new HashMap<Object, Object>();
            map.forEach((k, v) -> {
                if (v != null && !(k instanceof String s && ignored.contains(s))) {
                    out.put(normalize(k, ignored), normalize(v, ignored));
                }
            });
            return out;
        }
        if (value instanceof Collection<?> list) {
            var out = new HashSet<Object>();
            list.forEach(v -> out.add(normalize(v, ignored)));
            return out;
        }
        return value;
    }
}
