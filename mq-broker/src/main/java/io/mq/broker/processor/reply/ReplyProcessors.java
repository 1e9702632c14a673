package io.mq.broker.processor.reply;

import io.mq.broker.BrokerRuntime;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.transport.RemotingServer;
import java.util.List;

/** Wires request-reply into a broker: one {@link ReplyMessageProcessor} for SEND_REPLY_MESSAGE and its V2 form. */
public final class ReplyProcessors {

    private ReplyProcessors() {
    }

    /** Registers on the send executor; it starts nothing, so it adds nothing to {@code closeables}. */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var processor = new ReplyMessageProcessor(runtime.topics(), runtime.store(),
                new RequesterChannels(runtime.producers(), runtime.consumers()), runtime.config().maxMessageSize(),
                ReplyMessageProcessor.DEFAULT_PUSH_TIMEOUT_MILLIS);
        server.registerProcessor(RequestCode.SEND_REPLY_MESSAGE, processor, runtime.sendExecutor());
        server.registerProcessor(RequestCode.SEND_REPLY_MESSAGE_V2, processor, runtime.sendExecutor());
    }
}
