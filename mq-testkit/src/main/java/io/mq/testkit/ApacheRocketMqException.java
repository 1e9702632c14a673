package io.mq.testkit;

/** A real Apache RocketMQ could not be located, started or probed; the message says where to look. */
public class ApacheRocketMqException extends RuntimeException {

    public ApacheRocketMqException(String message) {
        super(message);
    }

    public ApacheRocketMqException(String message, Throwable cause) {
        super(message, cause);
    }
}
