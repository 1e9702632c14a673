package io.mq.broker.store;

import java.nio.ByteBuffer;

/**
 * Decides which messages a pull returns: first on the tag code kept in the consume queue (cheap), then, for
 * filters that need it (SQL92 on properties), on the stored message itself.
 */
public interface MessageFilter {
    /** Every message. */
    MessageFilter ALL = tagsCode -> true;

    boolean matchesTagsCode(long tagsCode);

    /** Checked only for messages whose tag code matched; {@code message} is the stored record, read-only. */
    default boolean matchesMessage(ByteBuffer message) {
        return true;
    }
}
