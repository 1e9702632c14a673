package io.mq.broker.topic;

/**
 * What the topic registry needs from the broker's configuration. Defaults are RocketMQ's BrokerConfig
 * defaults, except the trace topic, which we create by default so clients with tracing on just work.
 *
 * @param autoCreateTopicEnable  create TBW102 so senders can auto-create topics (default true)
 * @param defaultTopicQueueNums  queues of TBW102, the cap for auto-created topics (default 8)
 * @param maxQueueNums           the most queues a topic may have (default 1024)
 * @param clusterName            the cluster-name topic's name (default DefaultCluster)
 * @param brokerName             the broker-name topic's name
 * @param clusterTopicEnable     cluster-name topic readable and writable (default true)
 * @param brokerTopicEnable      broker-name topic readable and writable (default true)
 * @param traceTopicEnable       create the trace topic (default true)
 * @param traceTopicName         its name (default RMQ_SYS_TRACE_TOPIC)
 */
public record TopicSettings(boolean autoCreateTopicEnable, int defaultTopicQueueNums, int maxQueueNums,
                            String clusterName, String brokerName, boolean clusterTopicEnable,
                            boolean brokerTopicEnable, boolean traceTopicEnable, String traceTopicName) {

    public static final int DEFAULT_MAX_QUEUE_NUMS = 1024;

    public TopicSettings {
        if (defaultTopicQueueNums < 1 || defaultTopicQueueNums > maxQueueNums) {
            throw new IllegalArgumentException("defaultTopicQueueNums must be within 1.." + maxQueueNums + ", was "
                    + defaultTopicQueueNums);
        }
        TopicNames.validateTopic(clusterName);
        TopicNames.validateTopic(brokerName);
        TopicNames.validateTopic(traceTopicName);
    }

    public static TopicSettings defaults(String clusterName, String brokerName) {
        return new TopicSettings(true, 8, DEFAULT_MAX_QUEUE_NUMS, clusterName, brokerName, true, true, true,
                SystemTopics.TRACE);
    }

    public TopicSettings withAutoCreateTopicEnable(boolean enable) {
        return new TopicSettings(enable, defaultTopicQueueNums, maxQueueNums, clusterName, brokerName,
                clusterTopicEnable, brokerTopicEnable, traceTopicEnable, traceTopicName);
    }

    public TopicSettings withMaxQueueNums(int max) {
        return new TopicSettings(autoCreateTopicEnable, defaultTopicQueueNums, max, clusterName, brokerName,
                clusterTopicEnable, brokerTopicEnable, traceTopicEnable, traceTopicName);
    }
}
