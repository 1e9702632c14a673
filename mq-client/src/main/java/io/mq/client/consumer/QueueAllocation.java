package io.mq.client.consumer;

import io.mq.protocol.body.MessageQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * Shares a topic's queues among a group's consumers as RocketMQ's AllocateMessageQueueAveragely does, so that our
 * consumers and official ones in one group agree: both lists sorted, contiguous blocks, the first
 * {@code queues % consumers} consumers one queue more.
 */
public final class QueueAllocation {

    private QueueAllocation() {
    }

    /** The queues {@code consumerId} should consume; empty when it is not among {@code consumerIds}. */
    public static List<MessageQueue> averagely(String consumerId, List<String> consumerIds, List<MessageQueue> queues) {
        var ids = consumerIds.stream().sorted().toList();
        var sorted = queues.stream().sorted().toList();
        int index = ids.indexOf(consumerId);
        if (index < 0 || sorted.isEmpty()) {
            return List.of();
        }
        int size = sorted.size();
        int count = ids.size();
        int mod = size % count;
        int average = size <= count ? 1 : (mod > 0 && index < mod ? size / count + 1 : size / count);
        int start = (mod > 0 && index < mod) ? index * average : index * average + mod;
        int range = Math.min(average, size - start);
        var result = new ArrayList<MessageQueue>();
        for (int i = 0; i < range; i++) {
            result.add(sorted.get((start + i) % size));
        }
        return result;
    }
}
