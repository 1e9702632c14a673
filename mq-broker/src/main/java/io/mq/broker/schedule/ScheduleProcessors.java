package io.mq.broker.schedule;

import io.mq.broker.BrokerRuntime;
import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.MessageStore;
import io.mq.protocol.json.Json;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.RequestCode;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemotingServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wires delayed delivery into a broker: starts the {@link ScheduledDelivery} (closed with the broker, before the
 * store) and answers GET_ALL_DELAY_OFFSET (45) with the per-level progress in RocketMQ's delayOffset.json shape.
 */
public final class ScheduleProcessors {

    private ScheduleProcessors() {
    }

    /**
     * Starts delivery (call before the server serves: the duplicate check reads the log's end at start) and
     * registers GET_ALL_DELAY_OFFSET on the admin executor.
     */
    public static void register(RemotingServer server, BrokerRuntime runtime, List<AutoCloseable> closeables) {
        var delivery = ScheduledDelivery.start(runtime.store(), storeRoot(runtime.store()),
                runtime.config().messageDelayLevel());
        closeables.add(delivery);
        server.registerProcessor(RequestCode.GET_ALL_DELAY_OFFSET,
                (channel, request) -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                        .body(delayOffsetBody(delivery.levelOffsets())),
                runtime.adminExecutor());
    }

    /** The progress file lives with the store's other config files. */
    private static Path storeRoot(MessageStore store) {
        if (store instanceof DefaultMessageStore files) {
            return files.config().rootDir();
        }
        throw new IllegalStateException("delayed delivery keeps its progress beside the store's files; "
                + store.getClass().getName() + " has none");
    }

    /** {@code {"offsetTable":{"1":12,"2":0,...}}}: level to the offset of its first undelivered message. */
    static byte[] delayOffsetBody(Map<Integer, Long> levelOffsets) {
        var table = new LinkedHashMap<String, Object>();
        levelOffsets.forEach((level, offset) -> table.put(level.toString(), offset));
        return Json.writeBytes(Map.of("offsetTable", table));
    }
}
