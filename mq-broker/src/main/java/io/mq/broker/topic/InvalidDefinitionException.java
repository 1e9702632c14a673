package io.mq.broker.topic;

/**
 * A topic or group definition that breaks a rule (name characters or length, queue count, permission).
 * The message names the value and the rule, fit to be a response remark.
 */
public class InvalidDefinitionException extends IllegalArgumentException {

    public InvalidDefinitionException(String message) {
        super(message);
    }
}
