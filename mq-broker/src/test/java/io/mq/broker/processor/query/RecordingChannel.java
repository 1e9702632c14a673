package io.mq.broker.processor.query;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A consumer's connection as the broker sees it: records what the broker sends and answers invokes as told. */
final class RecordingChannel implements RemoteChannel {

    final List<RemotingCommand> sent = new CopyOnWriteArrayList<>();
    volatile Function<RemotingCommand, CompletableFuture<RemotingCommand>> answer =
            request -> new CompletableFuture<>();

    /** What the broker sent with this request code (it also sends, e.g., consumer-ids-changed notices). */
    List<RemotingCommand> sent(int code) {
        return sent.stream().filter(c -> c.code() == code).toList();
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1:40001";
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:10911";
    }

    @Override
    public boolean isActive() {
        return true;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public void reply(RemotingCommand request, RemotingCommand response) {
        sent.add(response);
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
        sent.add(request);
        return answer.apply(request);
    }

    @Override
    public void invokeOneway(RemotingCommand request) {
        sent.add(request);
    }

    @Override
    public void close() {
    }
}
