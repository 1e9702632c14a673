package io.mq.protocol.transport;

/** No response arrived within the request's timeout (the request may still have been processed). */
public class RemotingTimeoutException extends RemotingException {

    public RemotingTimeoutException(String address, String message) {
        super(address, message, null);
    }
}
