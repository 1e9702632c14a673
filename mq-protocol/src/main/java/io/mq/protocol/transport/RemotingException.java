package io.mq.protocol.transport;

/** A request that got no response: could not connect, timed out, or the connection closed. Unchecked. */
public class RemotingException extends RuntimeException {
    private final String address;

    public RemotingException(String address, String message, Throwable cause) {
        super(message + " [" + address + "]", cause);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
