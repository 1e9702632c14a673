package io.mq.broker.store;

import java.util.Map;

/**
 * Told when a message becomes readable in its consume queue, so held (long-polling) pull requests for that queue
 * can be answered. Called on the dispatcher thread: return quickly.
 */
@FunctionalInterface
public interface MessageArrivedListener {
    void onArrived(String topic, int queueId, long logicalOffset, long tagsCode, Map<String, String> properties);
}
