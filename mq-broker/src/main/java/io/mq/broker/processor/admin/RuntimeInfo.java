package io.mq.broker.processor.admin;

import io.mq.broker.store.DefaultMessageStore;
import io.mq.broker.store.MessageStore;
import io.mq.broker.topic.SystemTopics;
import io.mq.protocol.body.KVTable;
import io.mq.protocol.remoting.RemotingCommand;
import io.mq.protocol.remoting.ResponseCode;
import io.mq.protocol.transport.RemoteChannel;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.LongSupplier;

/**
 * GET_BROKER_RUNTIME_INFO (28): the key/value table {@code mqadmin brokerStatus} prints and
 * {@code clusterList} parses. Every key the 4.9.7 and 5.2.0 clusterList parse as a number is present and
 * parseable (a missing one makes the tool print a stack trace). Counts are derived: messages put = the sum
 * of all queues' max offsets, messages got = the sum of committed consumer offsets.
 */
final class RuntimeInfo {

    /** What the tools show as the broker's version; matches the version our responses announce (4.9.7). */
    static final String VERSION_DESC = "V4_9_7";

    private final MessageStore store;
    private final ThroughputSampler sampler;
    private final Executors executors;
    private final long bootTimestamp;
    private final LongSupplier clock;

    /** The executors whose queues the table reports. */
    record Executors(ExecutorService send, ExecutorService pull, ExecutorService admin) {
    }

    RuntimeInfo(MessageStore store, ThroughputSampler sampler, Executors executors, long bootTimestamp,
                LongSupplier clockMillis) {
        this.store = store;
        this.sampler = sampler;
        this.executors = executors;
        this.bootTimestamp = bootTimestamp;
        this.clock = clockMillis;
    }

    RemotingCommand runtimeInfo(RemoteChannel channel, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).body(new KVTable(table()).encode());
    }

    Map<String, String> table() {
        var t = new TreeMap<String, String>();
        var s = sampler.snapshot();
        t.put("brokerVersionDesc", VERSION_DESC);
        t.put("brokerVersion", String.valueOf(RemotingCommand.OUR_VERSION));
        t.put("brokerActive", "true");
        t.put("bootTimestamp", String.valueOf(bootTimestamp));
        t.put("runtime", formatRuntime(clock.getAsLong() - bootTimestamp));

        t.put("msgPutTotalYesterdayMorning", String.valueOf(s.putYesterdayMorning()));
        t.put("msgPutTotalTodayMorning", String.valueOf(s.putTodayMorning()));
        t.put("msgPutTotalTodayNow", String.valueOf(s.putTotal()));
        t.put("msgGetTotalYesterdayMorning", String.valueOf(s.getYesterdayMorning()));
        t.put("msgGetTotalTodayMorning", String.valueOf(s.getTodayMorning()));
        t.put("msgGetTotalTodayNow", String.valueOf(s.getTotal()));
        t.put("putMessageTimesTotal", String.valueOf(s.putTotal()));
        t.put("putTps", tps(s.putTps10s(), s.putTps1m(), s.putTps10m()));
        var getTps = tps(s.getTps10s(), s.getTps1m(), s.getTps10m());
        t.put("getTransferedTps", getTps); // 4.x spelling
        t.put("getTransferredTps", getTps); // 5.x spelling
        t.put("getFoundTps", getTps);
        t.put("getTotalTps", getTps);
        t.put("getMissTps", tps(0, 0, 0));
        t.put("putLatency99", "0.00");
        t.put("putLatency999", "0.00");

        queue(t, "send", "sendThreadPoolQueue", executors.send());
        queue(t, "pull", "pullThreadPoolQueue", executors.pull());
        queue(t, "query", "queryThreadPoolQueue", executors.admin());
        t.put("EndTransactionQueueSize", "0");
        t.put("EndTransactionThreadPoolQueueCapacity", "0");
        t.put("pageCacheLockTimeMills", "0");
        t.put("startAcceptSendRequestTimeStamp", "0");
        // Half messages checked too often and parked for the operator; read from the store, so it survives restarts.
        t.put("transactionDiscardedTotal", String.valueOf(store.maxOffset(SystemTopics.TRANS_CHECK_MAX_TIME, 0)));

        long maxOffset = store.commitLogMaxOffset();
        long minOffset = store.commitLogMinOffset();
        t.put("commitLogMaxOffset", String.valueOf(maxOffset));
        t.put("commitLogMinOffset", String.valueOf(minOffset));
        t.put("putMessageSizeTotal", String.valueOf(maxOffset - minOffset));
        t.put("earliestMessageTimeStamp", String.valueOf(
                store.lookMessageByOffset(minOffset).map(m -> m.storeTimestamp()).orElse(-1L)));
        if (store instanceof DefaultMessageStore local) {
            t.put("dispatchBehindBytes", String.valueOf(Math.max(0, maxOffset - local.dispatchedOffset())));
            t.put("remainHowManyDataToFlush",
                    humanReadable(Math.max(0, maxOffset - local.commitLogFlushedOffset())));
            disk(t, local.config().rootDir());
        } else {
            t.put("dispatchBehindBytes", "0");
            t.put("commitLogDiskRatio", "0.0");
            t.put("consumeQueueDiskRatio", "0.0");
        }

        // 5.x timer (arbitrary delivery time) figures; the tools parse them as numbers.
        t.put("timerReadBehind", "0");
        t.put("timerOffsetBehind", "0");
        t.put("timerCongestNum", "0");
        t.put("timerEnqueueTps", "0.0");
        t.put("timerDequeueTps", "0.0");
        return t;
    }

    private static void queue(Map<String, String> t, String name, String prefix, ExecutorService executor) {
        int size = 0;
        int capacity = 0;
        if (executor instanceof ThreadPoolExecutor pool) {
            size = pool.getQueue().size();
            capacity = size + pool.getQueue().remainingCapacity();
        }
        t.put(prefix + "Size", String.valueOf(size));
        t.put(prefix + "Capacity", String.valueOf(capacity));
        t.put(prefix + "HeadWaitTimeMills", "0");
    }

    /** RocketMQ's used-space ratio of the partition, 0..1 (the tools print it as "#SPACE"). */
    private static void disk(Map<String, String> t, Path root) {
        var dir = root.toFile();
        double ratio = usedRatio(dir);
        t.put("commitLogDiskRatio", String.valueOf(ratio));
        t.put("consumeQueueDiskRatio", String.valueOf(ratio));
        t.put("commitLogDirCapacity", String.format(Locale.ROOT, "Total : %s, Free : %s.",
                humanReadable(dir.getTotalSpace()), humanReadable(dir.getUsableSpace())));
    }

    private static double usedRatio(File dir) {
        long total = dir.getTotalSpace();
        return total <= 0 ? -1 : (double) (total - dir.getFreeSpace()) / total;
    }

    /** Three windows, as RocketMQ writes them: "10s 1min 10min". */
    private static String tps(double tenSeconds, double oneMinute, double tenMinutes) {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", tenSeconds, oneMinute, tenMinutes);
    }

    static String formatRuntime(long millis) {
        var d = Duration.ofMillis(Math.max(0, millis));
        return String.format(Locale.ROOT, "[ %d days, %d hours, %d minutes, %d seconds ]", d.toDays(),
                d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** As RocketMQ's MixAll.humanReadableByteCount(bytes, false): "512 B", "1.5 KiB"-style with k/M/G units. */
    static String humanReadable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int exp = (int) (Math.log(bytes) / Math.log(1024));
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, exp), "KMGTPE".charAt(exp - 1));
    }
}
