package io.mq.protocol.message;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The properties of a decoded record as an unmodifiable map over their encoded text. The broker's dispatcher reads
 * every stored record for a handful of properties (tags, keys, unique id); answering {@link #get} by scanning the
 * text spares it a map and two strings per property on every message. Anything else (iteration, size, equality)
 * builds the map once, with exactly the rules of {@link MessageProperties#decode}.
 */
final class EncodedProperties extends AbstractMap<String, String> {

    private final String text;
    private final boolean canonical;
    private volatile Map<String, String> decoded;

    /** Over the properties of a decoded record, as they are in the record. */
    EncodedProperties(String text) {
        this(text, false);
    }

    private EncodedProperties(String text, boolean canonical) {
        this.text = text;
        this.canonical = canonical;
    }

    /** Over a text that {@link MessageProperties#encode} would write again byte for byte from its decoded map. */
    static EncodedProperties canonical(String text) {
        return new EncodedProperties(text, true);
    }

    /** Whether {@link #utf8()} is exactly the encoding of this map. */
    boolean isCanonical() {
        return canonical;
    }

    byte[] utf8() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String get(Object name) {
        return name instanceof String key ? find(key) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null; // decode keeps no pair with an empty value, so null means absent
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return decoded().entrySet();
    }

    private Map<String, String> decoded() {
        var map = decoded;
        if (map == null) {
            map = Collections.unmodifiableMap(MessageProperties.decode(text)); // a race decodes twice, equally
            decoded = map;
        }
        return map;
    }

    /** The value of the last well-formed pair named {@code name} (a later duplicate wins, as in decode). */
    private String find(String name) {
        if (name.isEmpty() || name.indexOf(MessageProperties.NAME_VALUE_SEPARATOR) >= 0) {
            return null; // decode names a pair by the text before its first separator: never such a name
        }
        String found = null;
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = text.indexOf(MessageProperties.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = length;
            }
            int separator = start + name.length();
            if (separator < end - 1 && text.charAt(separator) == MessageProperties.NAME_VALUE_SEPARATOR
                    && text.startsWith(name, start)) {
                found = text.substring(separator + 1, end);
            }
            start = end + 1;
        }
        return found;
    }
}
