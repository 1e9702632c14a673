package io.mq.client;

import io.mq.protocol.remoting.CommandHeader;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.remoting.SerializeType;
import io.mq.protocol.transport.RemotingClient;
import io.mq.protocol.transport.RemotingException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The plumbing under {@link BrokerApi}: send, turn transport failures and error codes into MqClientExceptions.
 * Requests go with the ROCKETMQ binary header, which every broker reads (RocketMQ since 4.0) and which costs far less
 * to write and read than JSON; our broker answers in kind, Apache RocketMQ in its configured type (both are read).
 */
final class BrokerCalls {

    private final RemotingClient remoting;
    private final Function<String, Optional<String>> brokerNames;

    BrokerCalls(RemotingClient remoting, Function<String, Optional<String>> brokerNames) {
        this.remoting = remoting;
        this.brokerNames = brokerNames;
    }

    /** "broker-a (127.0.0.1:10911)", or "broker 127.0.0.1:10911" when the name is unknown. */
    String label(String address, String brokerName) {
        var name = brokerName != null ? brokerName : brokerName(address);
        return name != null ? name + " (" + address + ")" : "broker " + address;
    }

    String brokerName(String address) {
        return brokerNames.apply(address).orElse(null);
    }

    RemotingCommand sync(String action, String address, RemotingCommand request, long timeoutMillis) {
        return sync(() -> action, address, request, timeoutMillis);
    }

    /** {@code action} names the call in an error, and is only made then (hot paths spare the string building). */
    RemotingCommand sync(Supplier<String> action, String address, RemotingCommand request, long timeoutMillis) {
        try {
            return remoting.invokeSync(address, binary(request), timeoutMillis);
        } catch (RemotingException e) {
            throw MqClientException.ofRemoting(action.get(), e);
        }
    }

    CompletableFuture<RemotingCommand> async(String action, String address, RemotingCommand request,
            long timeoutMillis) {
        return async(() -> action, address, request, timeoutMillis);
    }

    CompletableFuture<RemotingCommand> async(Supplier<String> action, String address, RemotingCommand request,
            long timeoutMillis) {
        CompletableFuture<RemotingCommand> sent;
        try {
            sent = remoting.invokeAsync(address, binary(request), timeoutMillis);
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(MqClientException.ofRemoting(action.get(), e));
        }
        return sent.handle((response, error) -> {
            if (error == null) {
                return response;
            }
            throw failure(action, error);
        });
    }

    /** What a failed call throws: a client error as it is, a remoting one named by {@code action}. */
    private static MqClientException failure(Supplier<String> action, Throwable error) {
        var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof MqClientException clientError) {
            return clientError;
        }
        if (cause instanceof RemotingException remotingError) {
            return MqClientException.ofRemoting(action.get(), remotingError);
        }
        return new MqClientException(MqClientException.CONNECT_FAILED, null, action.get() + " failed: " + cause,
                cause);
    }

    /**
     * Like {@link #async(Supplier, String, RemotingCommand, long)} but answers what {@code reader} makes of the
     * response, reading its body where the transport received it (see {@link RemotingClient#invokeAsync(String,
     * RemotingCommand, long, java.util.function.Function)}); the reader's own {@link MqClientException} fails the
     * future as it is.
     */
    <T> CompletableFuture<T> async(Supplier<String> action, String address, RemotingCommand request,
            long timeoutMillis, Function<RemotingCommand, T> reader) {
        CompletableFuture<T> sent;
        try {
            sent = remoting.invokeAsync(address, binary(request), timeoutMillis, reader);
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(MqClientException.ofRemoting(action.get(), e));
        }
        return sent.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            throw failure(action, error);
        });
    }

    void oneway(String action, String address, RemotingCommand request) {
        try {
            remoting.invokeOneway(address, binary(request).markOneway());
        } catch (RemotingException e) {
            throw MqClientException.ofRemoting(action, e);
        }
    }

    private static RemotingCommand binary(RemotingCommand request) {
        return request.serializeType(SerializeType.ROCKETMQ);
    }

    /** Sends and expects SUCCESS. */
    RemotingCommand call(String action, String address, int code, CommandHeader header, long timeoutMillis) {
        return success(action, sync(action, address, RemotingCommand.request(code, header), timeoutMillis));
    }

    RemotingCommand success(String action, RemotingCommand response) {
        if (response.code() != ResponseCode.SUCCESS) {
            throw MqClientException.ofResponse(action, response);
        }
        return response;
    }
}
