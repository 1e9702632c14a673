package io.mq.broker.topic;

/**
 * The naming rules RocketMQ applies to topics and groups ({@code ^[%|a-zA-Z0-9_-]+$}; topics up to 127
 * characters, groups up to 255), and the names derived from a consumer group.
 */
public final class TopicNames {

    public static final int TOPIC_MAX_LENGTH = 127;
    public static final int GROUP_MAX_LENGTH = 255;
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DLQ_PREFIX = "%DLQ%";
    public static final String REPLY_TOPIC_SUFFIX = "REPLY_TOPIC";

    private TopicNames() {
    }

    /** Throws {@link InvalidDefinitionException} saying what is wrong with the topic name. */
    public static void validateTopic(String topic) {
        validate("topic", topic, TOPIC_MAX_LENGTH);
    }

    /** Throws {@link InvalidDefinitionException} saying what is wrong with the group name. */
    public static void validateGroup(String group) {
        validate("group", group, GROUP_MAX_LENGTH);
    }

    public static boolean isValidTopic(String topic) {
        return topic != null && !topic.isBlank() && topic.length() <= TOPIC_MAX_LENGTH && firstIllegalChar(topic) < 0;
    }

    public static String retryTopic(String group) {
        return RETRY_PREFIX + group;
    }

    public static String dlqTopic(String group) {
        return DLQ_PREFIX + group;
    }

    public static boolean isRetryTopic(String topic) {
        return topic.startsWith(RETRY_PREFIX);
    }

    public static boolean isDlqTopic(String topic) {
        return topic.startsWith(DLQ_PREFIX);
    }

    /** The topic request-reply answers go to in a cluster: {@code <cluster>_REPLY_TOPIC}. */
    public static String replyTopic(String clusterName) {
        return clusterName + "_" + REPLY_TOPIC_SUFFIX;
    }

    private static void validate(String what, String name, int maxLength) {
        if (name == null || name.isBlank()) {
            throw new InvalidDefinitionException("The " + what + " name is blank");
        }
        int bad = firstIllegalChar(name);
        if (bad >= 0) {
            throw new InvalidDefinitionException("The " + what + " name '" + name + "' contains the illegal character '"
                    + name.charAt(bad) + "' at index " + bad + "; allowed: ^[%|a-zA-Z0-9_-]+$");
        }
        if (name.length() > maxLength) {
            throw new InvalidDefinitionException("The " + what + " name '" + name + "' is " + name.length()
                    + " characters long; the maximum is " + maxLength);
        }
    }

    private static int firstIllegalChar(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '%' || c == '|' || c == '_' || c == '-';
            if (!ok) {
                return i;
            }
        }
        return -1;
    }
}
