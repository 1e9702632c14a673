package io.mq.broker.transaction;

import io.mq.broker.store.AppendResult;
import java.util.concurrent.CompletableFuture;

/** What an END_TRANSACTION did to a half message. */
public sealed interface EndOutcome {

    /**
     * Re-put to its real topic and queue and marked ended.
     *
     * @param delivered completes when the committed message is durable per the flush mode
     */
    record Committed(CompletableFuture<AppendResult> delivered) implements EndOutcome {
    }

    /** Marked ended; never delivered. */
    record RolledBack() implements EndOutcome {
    }

    /** The transaction was already committed, rolled back or discarded: nothing done (no second delivery). */
    record AlreadyEnded() implements EndOutcome {
    }

    /** The producer does not know yet (UNKNOW): nothing done, the check will ask again. */
    record StillPending() implements EndOutcome {
    }

    /** Not a half message of this producer group, or the store refused the re-put. */
    record Refused(int code, String remark) implements EndOutcome {
    }
}
