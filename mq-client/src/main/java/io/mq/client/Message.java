package io.mq.client;

import io.mq.protocol.message.MessageProperties;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message to send: topic, body, and the properties the official client would put on it (TAGS, KEYS, WAIT,
 * DELAY, {@code __STARTDELIVERTIME}) plus user properties. Immutable; build with {@link #builder(String)}. The
 * producer adds the unique id (UNIQ_KEY) on each send.
 */
public final class Message {

    /** Property names the protocol reserves; a user property may not take them. */
    public static final Set<String> RESERVED_PROPERTIES = reservedNames();

    private final String topic;
    private final byte[] body;
    private final int flag;
    private final Map<String, String> properties;

    /** What {@link #of(String, byte[])} carries: the WAIT=true of every new message, shared since immutable. */
    private static final Map<String, String> DEFAULT_PROPERTIES =
            Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(MessageProperties.WAIT_STORE_MSG_OK, "true")));

    private Message(String topic, byte[] body, int flag, Map<String, String> properties) {
        this.topic = topic;
        this.body = body;
        this.flag = flag;
        this.properties = properties == DEFAULT_PROPERTIES ? properties
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static Builder builder(String topic) {
        return new Builder(topic);
    }

    public static Message of(String topic, byte[] body) {
        return new Message(Objects.requireNonNull(topic, "topic"), Objects.requireNonNull(body, "body"), 0,
                DEFAULT_PROPERTIES);
    }

    public static Message of(String topic, String tags, String body) {
        return builder(topic).tags(tags).body(body).build();
    }

    public String topic() {
        return topic;
    }

    /** The body as given (not copied; never compressed here: the producer compresses on the wire). */
    public byte[] body() {
        return body;
    }

    /** The application flag carried in the message header (opaque to the broker). */
    public int flag() {
        return flag;
    }

    /** Every property as it goes on the wire (system and user), in insertion order. */
    public Map<String, String> properties() {
        return properties;
    }

    public String property(String name) {
        return properties.get(name);
    }

    public String tags() {
        return properties.get(MessageProperties.TAGS);
    }

    public List<String> keys() {
        var keys = properties.get(MessageProperties.KEYS);
        return keys == null ? List.of() : List.of(keys.split(MessageProperties.KEY_SEPARATOR));
    }

    /** The delay level (1 = first of the broker's levels), 0 when none. */
    public int delayLevel() {
        var level = properties.get(MessageProperties.DELAY_TIME_LEVEL);
        return level == null ? 0 : Integer.parseInt(level);
    }

    /** The 5.x delivery time, when set. */
    public Optional<Instant> deliveryTime() {
        return Optional.ofNullable(properties.get(MessageProperties.START_DELIVER_TIME))
                .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)));
    }

    /** Whether the broker should answer only once the message is stored as its flush mode demands (default true). */
    public boolean waitStoreMsgOk() {
        return !"false".equals(properties.get(MessageProperties.WAIT_STORE_MSG_OK));
    }

    /** A builder starting from this message (e.g. to send it to another topic). */
    public Builder toBuilder() {
        var builder = new Builder(topic);
        builder.body = body;
        builder.flag = flag;
        builder.properties.putAll(properties);
        return builder;
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", properties=" + properties + ", body=" + body.length + "B]";
    }

    private static Set<String> reservedNames() {
        var names = new HashSet<String>();
        for (var field : MessageProperties.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("KEY_SEPARATOR")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(names);
    }

    /** Builds a {@link Message}; every setter returns the builder. */
    public static final class Builder {
        private String topic;
        private byte[] body = new byte[0];
        private int flag;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            properties.put(MessageProperties.WAIT_STORE_MSG_OK, "true"); // as the official Message constructor
        }

        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        public Builder body(String body) {
            return body(body.getBytes(StandardCharsets.UTF_8));
        }

        /** One tag (the official client allows one per message; consumers select by it). */
        public Builder tags(String tags) {
            return system(MessageProperties.TAGS, tags == null || tags.isEmpty() ? null : tags);
        }

        /** Business keys, indexed by the broker for lookup; joined by spaces on the wire. */
        public Builder keys(String... keys) {
            return keys(Arrays.asList(keys));
        }

        public Builder keys(Collection<String> keys) {
            var joined = String.join(MessageProperties.KEY_SEPARATOR, keys);
            return system(MessageProperties.KEYS, joined.isEmpty() ? null : joined);
        }

        /** Deliver after one of the broker's delay levels (1..18 by default: 1s 5s 10s 30s 1m ...); 0 clears. */
        public Builder delayLevel(int level) {
            if (level < 0) {
                throw new IllegalArgumentException("delay level must not be negative: " + level);
            }
            return system(MessageProperties.DELAY_TIME_LEVEL, level == 0 ? null : String.valueOf(level));
        }

        /** Deliver at this time (the 5.x timer property {@code __STARTDELIVERTIME}; the broker must support it). */
        public Builder deliverAt(Instant time) {
            return system(MessageProperties.START_DELIVER_TIME, String.valueOf(time.toEpochMilli()));
        }

        public Builder deliverAfter(Duration delay) {
            return deliverAt(Instant.now().plus(delay));
        }

        public Builder flag(int flag) {
            this.flag = flag;
            return this;
        }

        public Builder waitStoreMsgOk(boolean wait) {
            return system(MessageProperties.WAIT_STORE_MSG_OK, String.valueOf(wait));
        }

        /** A user property; the names in {@link #RESERVED_PROPERTIES} are refused. */
        public Builder property(String name, String value) {
            if (RESERVED_PROPERTIES.contains(name)) {
                throw new IllegalArgumentException("property name " + name + " is reserved by the protocol");
            }
            return system(name, value);
        }

        /**
         * Any property, reserved names included, for code that builds on this client (a consumer sending a message
         * back to its retry topic sets RETRY_TOPIC, RECONSUME_TIME, ...). A null value removes it.
         */
        public Builder system(String name, String value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                properties.remove(name);
                return this;
            }
            if (name.isEmpty() || containsSeparator(name) || containsSeparator(value)) {
                throw new IllegalArgumentException("property " + name + " has an empty name or a \\u0001/\\u0002 character");
            }
            properties.put(name, value);
            return this;
        }

        public Message build() {
            return new Message(topic, body, flag, properties);
        }

        private static boolean containsSeparator(String text) {
            return text.indexOf(MessageProperties.NAME_VALUE_SEPARATOR) >= 0
                    || text.indexOf(MessageProperties.PROPERTY_SEPARATOR) >= 0;
        }
    }
}
