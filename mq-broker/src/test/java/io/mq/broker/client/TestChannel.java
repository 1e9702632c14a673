package io.mq.broker.client;

import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.transport.RemoteChannel;
import java.util.concurrent.CompletableFuture;

/** An identity handle standing in for a connection; the registries never talk through it. */
final class TestChannel implements RemoteChannel {

    private final String address;
    volatile boolean active = true;
    volatile boolean writable = true;
    volatile boolean closed;

    TestChannel(String address) {
        this.address = address;
    }

    @Override
    public String remoteAddress() {
        return address;
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:10911";
    }

    @Override
    public boolean isActive() {
        return active && !closed;
    }

    @Override
    public boolean isWritable() {
        return writable;
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
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return address;
    }
}
