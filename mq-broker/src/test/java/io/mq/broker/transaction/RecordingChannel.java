package io.mq.broker.transaction;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A producer connection that records the one-way requests the broker sends it (the checks). */
final class RecordingChannel implements RemoteChannel {

    final List<RemotingCommand> oneways = new CopyOnWriteArrayList<>();
    volatile boolean active = true;

    @Override
    public String remoteAddress() {
        return "127.0.0.1:50000";
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
        return true;
    }

    @Override
    public void reply(RemotingCommand request, RemotingCommand response) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<RemotingCommand> invoke(RemotingCommand request, long timeoutMillis) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void invokeOneway(RemotingCommand request) {
        oneways.add(request);
    }

    @Override
    public void close() {
        active = false;
    }
}
