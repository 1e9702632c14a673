package io.mq.broker.schedule;

import io.mq.broker.store.TopicQueue;
import io.mq.protocol.message.StoredMessage;

/**
 * A held message that fell due: where it sits in its schedule queue, when it was due, and the message itself.
 *
 * @param offset the entry's offset in its schedule queue
 */
record HeldEntry(TopicQueue queue, long offset, long deliverAt, StoredMessage message) {
}
