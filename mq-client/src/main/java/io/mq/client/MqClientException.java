package io.mq.client;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemotingException;
import io.mq.protocol.transport.RemotingTimeoutException;

/**
 * A request that failed: the server's response code and remark when it answered, or one of the client-side codes
 * below (the numbers the official client's {@code ClientErrorCode} uses) when it did not. Unchecked.
 */
public class MqClientException extends RuntimeException {

    /** Could not connect, or the connection closed before the answer. */
    public static final int CONNECT_FAILED = 10001;
    /** No answer within the request's timeout (the server may still have done it). */
    public static final int TIMEOUT = 10002;
    /** No address known for the broker a request is meant for. */
    public static final int BROKER_NOT_FOUND = 10003;
    /** No name server answered. */
    public static final int NO_NAME_SERVER = 10004;
    /** No route for the topic, neither its own nor the auto-create template's. */
    public static final int NO_ROUTE = 10005;
    /** Refused by the client before sending (bad message, closed client, ...). */
    public static final int CLIENT_ERROR = 10006;

    private final int responseCode;
    private final String remark;

    public MqClientException(int responseCode, String remark, String message, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
        this.remark = remark;
    }

    public MqClientException(int responseCode, String message) {
        this(responseCode, null, message, null);
    }

    /** "{action} failed: NAME (code) remark", e.g. "send to broker-a (127.0.0.1:10911) failed: TOPIC_NOT_EXIST (17) ...". */
    public static MqClientException ofResponse(String action, RemotingCommand response) {
        var remark = response.remark();
        return new MqClientException(response.code(), remark, action + " failed: "
                + ResponseCodes.describe(response.code()) + (remark == null || remark.isEmpty() ? "" : " " + remark),
                null);
    }

    /** A request that got no answer: connect failure, timeout or closed connection. */
    public static MqClientException ofRemoting(String action, RemotingException e) {
        int code = e instanceof RemotingTimeoutException ? TIMEOUT : CONNECT_FAILED;
        return new MqClientException(code, null, action + " failed: " + ResponseCodes.describe(code) + " "
                + e.getMessage(), e);
    }

    /** The server's response code, or one of this class's client-side codes. */
    public int responseCode() {
        return responseCode;
    }

    /** The server's remark, or null when the server did not answer. */
    public String remark() {
        return remark;
    }

    /** True when no answer came (connection failure or timeout): a retry elsewhere may succeed. */
    public boolean isRemotingFailure() {
        return responseCode == CONNECT_FAILED || responseCode == TIMEOUT;
    }
}
