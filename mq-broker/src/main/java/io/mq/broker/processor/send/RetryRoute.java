package io.mq.broker.processor.send;

import io.mq.protocol.message.MessageDraft;

/** Where a message sent to a retry topic goes: stored as the draft says (maybe re-routed to the DLQ), or refused. */
sealed interface RetryRoute permits RetryRoute.Deliver, Refusal {

    record Deliver(MessageDraft draft) implements RetryRoute {
    }
}
