package io.mq.spring.core;

/**
 * Names of the Spring Messaging headers that carry a message's MQ attributes. On sending, {@link #KEYS},
 * {@link #TAGS}, {@link #DELAY_LEVEL} and {@link #DELIVERY_TIME} become the message's system properties and every
 * other simple header a user property; on receiving, every attribute of the stored message is a header.
 */
public final class MqHeaders {

    /** Prefix of every header named here; headers with it never become user properties. */
    public static final String PREFIX = "mq_";

    /** Business keys, indexed by the broker: a String (space-separated) or a Collection of Strings. */
    public static final String KEYS = PREFIX + "keys";
    /** The tag consumers select by (a {@code topic:tag} destination sets it too). */
    public static final String TAGS = PREFIX + "tags";
    /** Delay level on sending (1 = first of the broker's levels). */
    public static final String DELAY_LEVEL = PREFIX + "delayLevel";
    /** Delivery time on sending: an {@link java.time.Instant} or epoch millis (the 5.x timer). */
    public static final String DELIVERY_TIME = PREFIX + "deliveryTime";

    /** The producer's unique id of a received message. */
    public static final String MESSAGE_ID = PREFIX + "messageId";
    /** Store host and commit-log offset of a received message (the id a broker looks messages up by). */
    public static final String OFFSET_MESSAGE_ID = PREFIX + "offsetMessageId";
    /** Topic of a received message (the original topic for a retried one). */
    public static final String TOPIC = PREFIX + "topic";
    /** Broker a received message was read from. */
    public static final String BROKER_NAME = PREFIX + "brokerName";
    /** Queue a received message was read from. */
    public static final String QUEUE_ID = PREFIX + "queueId";
    /** Offset of a received message in its queue. */
    public static final String QUEUE_OFFSET = PREFIX + "queueOffset";
    /** How often the message was delivered before (0 on the first delivery). */
    public static final String RECONSUME_TIMES = PREFIX + "reconsumeTimes";
    /** When the producer built the message, epoch millis. */
    public static final String BORN_TIMESTAMP = PREFIX + "bornTimestamp";
    /** When the broker stored it, epoch millis. */
    public static final String STORE_TIMESTAMP = PREFIX + "storeTimestamp";
    /** The received {@link io.mq.client.MessageView} itself. */
    public static final String RAW_MESSAGE = PREFIX + "rawMessage";

    private MqHeaders() {
    }
}
