package io.mq.spring;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ConfigurationCondition;

/** A name-server address comes from the property or from connection details. */
class OnMqNameServerCondition extends AnyNestedCondition {

    OnMqNameServerCondition() {
        super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "mq", name = "name-server")
    static class NameServerProperty {
    }

    @ConditionalOnBean(MqConnectionDetails.class)
    static class ConnectionDetailsBean {
    }
}
