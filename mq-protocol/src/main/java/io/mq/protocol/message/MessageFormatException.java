package io.mq.protocol.message;

import io.mq.protocol.remoting.ProtocolException;

/** Bytes that are not a well-formed message: truncated, wrong magic code, inconsistent lengths. */
public class MessageFormatException extends ProtocolException {
    /** RocketMQ's {@code MESSAGE_ILLEGAL} response code. */
    private static final int MESSAGE_ILLEGAL = 13;

    public MessageFormatException(String message) {
        super(MESSAGE_ILLEGAL, message);
    }

    public MessageFormatException(String message, Throwable cause) {
        super(MESSAGE_ILLEGAL, message, cause);
    }
}
