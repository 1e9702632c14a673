package io.mq.broker.store;

import io.mq.protocol.message.StoredMessage;

/**
 * Sees every message record the dispatcher reads from the commit log (whether or not it enters a consume queue),
 * in log order, decoded without its body; the key index is fed this way. Called on the dispatcher thread: return
 * quickly. After a restart a record may be seen again (recovery re-dispatches from a safe point).
 */
@FunctionalInterface
public interface StoredMessageListener {
    void onStored(StoredMessage message);
}
