package io.mq.spring.listener;

/** A listener method threw a checked exception; the message will be delivered again. */
public class MqListenerExecutionException extends RuntimeException {

    public MqListenerExecutionException(String listener, Throwable cause) {
        super(listener + " failed: " + cause, cause);
    }
}
