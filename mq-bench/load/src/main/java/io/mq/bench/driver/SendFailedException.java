package io.mq.bench.driver;

/** A send that did not end in SEND_OK (a client error, a timeout, or a broker status such as FLUSH_DISK_TIMEOUT). */
public final class SendFailedException extends RuntimeException {
    public SendFailedException(String message) {
        super(message);
    }

    public SendFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
