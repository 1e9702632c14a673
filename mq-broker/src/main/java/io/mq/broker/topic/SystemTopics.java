package io.mq.broker.topic;

import java.util.Set;

/** The topics RocketMQ reserves for its own machinery (TopicValidator). */
public final class SystemTopics {

    /** The template topic auto-creation copies ("to be written"). */
    public static final String AUTO_CREATE_TEMPLATE = "TBW102";
    public static final String SCHEDULE = "SCHEDULE_TOPIC_XXXX";
    public static final String TRANS_HALF = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRANS_OP_HALF = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String TRANS_CHECK_MAX_TIME = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String TRACE = "RMQ_SYS_TRACE_TOPIC";
    public static final String SELF_TEST = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String BENCHMARK = "BenchmarkTest";
    /** Any topic starting with this is a system topic too. */
    public static final String PREFIX = "rmq_sys_";
    /** 18 delay levels, one queue each. */
    public static final int SCHEDULE_QUEUE_NUMS = 18;

    private static final Set<String> FIXED = Set.of(AUTO_CREATE_TEMPLATE, SCHEDULE, BENCHMARK, TRANS_HALF, TRACE,
            TRANS_OP_HALF, TRANS_CHECK_MAX_TIME, SELF_TEST, OFFSET_MOVED_EVENT);

    /** Clients may not send to these (RocketMQ answers NO_PERMISSION). */
    private static final Set<String> SEND_FORBIDDEN = Set.of(SCHEDULE, TRANS_HALF, TRANS_OP_HALF,
            TRANS_CHECK_MAX_TIME, SELF_TEST, OFFSET_MOVED_EVENT);

    private SystemTopics() {
    }

    /**
     * True for RocketMQ's fixed system topics and the {@code rmq_sys_} prefix. The registry also counts
     * the cluster-name and broker-name topics of this broker ({@link TopicRegistry#isSystemTopic}).
     */
    public static boolean isSystemTopic(String topic) {
        return FIXED.contains(topic) || topic.startsWith(PREFIX);
    }

    public static boolean isSendForbidden(String topic) {
        return SEND_FORBIDDEN.contains(topic);
    }
}
