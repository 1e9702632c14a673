package io.mq.protocol.transport;

import io.mq.protocol.remoting.ProtocolException;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request on the executor registered for its code (or on the I/O thread, for processors registered so)
 * and answers it: the processor's response, or
 * REQUEST_CODE_NOT_SUPPORTED, SYSTEM_BUSY when the executor refuses, the code of a ProtocolException, or
 * SYSTEM_ERROR. One-way requests are never answered.
 */
final class RequestDispatcher {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    /** {@code executor} null: the processor runs on the I/O thread that read the request. */
    private record Registration(RequestProcessor processor, ExecutorService executor) {
    }

    private final Map<Integer, Registration> registrations = new ConcurrentHashMap<>();

    void register(int requestCode, RequestProcessor processor, ExecutorService executor) {
        if (processor == null || executor == null) {
            throw new IllegalArgumentException("processor and executor are required for request code " + requestCode);
        }
        registrations.put(requestCode, new Registration(processor, executor));
    }

    void registerOnIoThread(int requestCode, RequestProcessor processor) {
        if (processor == null) {
            throw new IllegalArgumentException("processor is required for request code " + requestCode);
        }
        registrations.put(requestCode, new Registration(processor, null));
    }

    /** Called on the event loop: looks up and hands over, or runs an I/O-thread processor at once. */
    void dispatch(RemoteChannel channel, RemotingCommand request) {
        var registration = registrations.get(request.code());
        if (registration == null) {
            log.debug("Request code {} from {} is not supported", request.code(), channel.remoteAddress());
            channel.reply(request, RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported"));
            return;
        }
        if (registration.executor() == null) {
            process(registration.processor(), channel, request);
            return;
        }
        try {
            registration.executor().execute(() -> process(registration.processor(), channel, request));
        } catch (RejectedExecutionException e) {
            log.warn("Executor for request code {} rejected a request from {}: answering SYSTEM_BUSY",
                    request.code(), channel.remoteAddress());
            channel.reply(request, RemotingCommand.response(ResponseCode.SYSTEM_BUSY, "too many requests"));
        }
    }

    private static void process(RequestProcessor processor, RemoteChannel channel, RemotingCommand request) {
        RemotingCommand response;
        try {
            response = processor.process(channel, request);
        } catch (ProtocolException e) {
            log.debug("Request code {} from {} refused: {}", request.code(), channel.remoteAddress(), e.getMessage());
            response = RemotingCommand.response(e.responseCode(), e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            log.warn("Processor for request code {} failed on a request from {}", request.code(),
                    channel.remoteAddress(), e);
            response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.toString());
        }
        if (response != null) {
            channel.reply(request, response);
        }
    }
}
