package io.mq.broker.processor.pull;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection whose activity and writability the test sets, recording what is replied through it. */
final class FakeChannel implements RemoteChannel {

    volatile boolean active = true;
    volatile boolean writable = true;
    final List<RemotingCommand> replies = new CopyOnWriteArrayList<>();

    @Override
    public String remoteAddress() {
        return "127.0.0.1:40000";
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:10911";
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public void reply(RemotingCommand request, RemotingCommand response) {
        replies.add(response);
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
        return new CompletableFuture<>();
    }

    @Override
    public void invokeOneway(RemotingCommand request) {
    }

    @Override
    public void close() {
        active = false;
    }
}
