package io.mq.protocol.transport;

import io.mq.protocol.remoting.RemotingCommand;

/**
 * Handles one request code. Runs on the executor it was registered with, or on the connection's I/O thread when
 * registered with {@link RemotingServer#registerIoThreadProcessor} (then it must never wait).
 * Returns the response, or null when there is none to send now: a one-way request, or a request answered
 * later through {@link RemoteChannel#reply(RemotingCommand, RemotingCommand)} (long polling). A thrown
 * {@link io.mq.protocol.remoting.ProtocolException} becomes a response with its code and message; any other
 * exception a SYSTEM_ERROR response.
 */
@FunctionalInterface
public interface RequestProcessor {
    RemotingCommand process(RemoteChannel channel, RemotingCommand request) throws Exception;
}
