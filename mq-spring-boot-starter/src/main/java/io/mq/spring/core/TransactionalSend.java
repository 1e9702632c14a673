package io.mq.spring.core;

import io.mq.client.Message;
import io.mq.client.SendResult;

/**
 * Sends a message as part of the caller's database transaction; {@link MqTemplate#sendInTransaction} delegates to
 * the one bean of this type (the starter's transaction support provides it).
 */
public interface TransactionalSend {

    /**
     * Sends {@code message} (already converted: topic, body, keys, tags, properties) so that consumers see it
     * exactly when the current transaction commits.
     */
    SendResult sendInTransaction(Message message);
}
