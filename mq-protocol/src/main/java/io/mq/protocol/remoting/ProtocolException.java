package io.mq.protocol.remoting;

/**
 * A request the protocol cannot accept: a missing or malformed header field, an illegal body. Carries the
 * response code to answer with, so a processor can turn it into a precise response.
 */
public class ProtocolException extends RuntimeException {
    private final int responseCode;

    public ProtocolException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public ProtocolException(int responseCode, String message, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
    }

    public int responseCode() {
        return responseCode;
    }
}
