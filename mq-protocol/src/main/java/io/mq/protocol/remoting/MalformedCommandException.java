package io.mq.protocol.remoting;

/**
 * A frame that cannot be read as a command: bad lengths, an unknown header serialization, a broken JSON or
 * binary header. Nothing can be answered to such a frame; the transport closes the connection it came from.
 */
public class MalformedCommandException extends RuntimeException {

    public MalformedCommandException(String message) {
        super(message);
    }

    public MalformedCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
