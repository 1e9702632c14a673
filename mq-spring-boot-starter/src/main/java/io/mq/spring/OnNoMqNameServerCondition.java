package io.mq.spring;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/** Neither {@code mq.name-server} nor connection details: the starter stays idle. */
class OnNoMqNameServerCondition extends NoneNestedConditions {

    OnNoMqNameServerCondition() {
        super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(OnMqNameServerCondition.class)
    static class NameServerConfigured {
    }
}
