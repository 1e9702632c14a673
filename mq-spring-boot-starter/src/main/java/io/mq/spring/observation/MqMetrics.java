package io.mq.spring.observation;

/** Records sends and consumptions; {@link #NONE} when the application has no meter registry. */
public interface MqMetrics {

    MqMetrics NONE = new MqMetrics() {
        @Override
        public void sent(String topic, String group, boolean success, long nanos) {
        }

        @Override
        public void consumed(String topic, String group, boolean success, long nanos) {
        }
    };

    /** One send (a batch counts once) to {@code topic} by producer {@code group}. */
    void sent(String topic, String group, boolean success, long nanos);

    /** One message handed to a listener of consumer {@code group}. */
    void consumed(String topic, String group, boolean success, long nanos);
}
