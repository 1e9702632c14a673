package io.mq.broker.processor.send;

import io.mq.broker.topic.TopicDefinition;

/** Whether a send may go to the store: admitted into a topic, or refused with a code and remark. */
sealed interface Admission permits Admission.Admitted, Refusal {

    /** The send passed every check; {@code topic} is the topic as it exists now (perhaps just auto-created). */
    record Admitted(TopicDefinition topic) implements Admission {
    }
}
