package io.mq.protocol.body;

/** How a consumer group takes messages: pull (ACTIVELY), push (PASSIVELY) or 5.x pop. */
public enum ConsumeType {
    CONSUME_ACTIVELY, CONSUME_PASSIVELY, CONSUME_POP
}
