package io.mq.broker.processor.client;

import io.mq.broker.client.Subscription;
import io.mq.broker.filter.FilterSyntaxException;
import io.mq.broker.filter.SqlFilter;
import io.mq.protocol.body.SubscriptionData;

/**
 * Turns a subscription as a client sends it into the registry's record. Tag expressions always translate;
 * a SQL92 expression must compile, and an unknown expression type is refused.
 */
final class SubscriptionTranslator {

    /** What became of one subscription. */
    sealed interface Outcome {
        record Accepted(Subscription subscription) implements Outcome {
        }

        record Refused(String topic, String reason) implements Outcome {
        }
    }

    private SubscriptionTranslator() {
    }

    static Outcome translate(SubscriptionData data) {
        var type = data.expressionType();
        if (isTagType(type)) {
            return new Outcome.Accepted(Subscription.ofTags(data.topic(), data.subString(), data.subVersion()));
        }
        if (SubscriptionData.SQL92.equals(type)) {
            try {
                SqlFilter.compile(data.subString());
            } catch (FilterSyntaxException e) {
                return new Outcome.Refused(data.topic(), "SQL92 filter of topic " + data.topic() + " does not compile: "
                        + e.getMessage());
            }
            return new Outcome.Accepted(Subscription.ofSql(data.topic(), data.subString(), data.subVersion()));
        }
        return new Outcome.Refused(data.topic(), "The broker does not support consumer to filter message by " + type);
    }

    /** As RocketMQ's ExpressionType.isTagType: a missing type means TAG. */
    static boolean isTagType(String type) {
        return type == null || type.isEmpty() || SubscriptionData.TAG.equals(type);
    }
}
