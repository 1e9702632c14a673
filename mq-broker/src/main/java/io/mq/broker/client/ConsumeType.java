package io.mq.broker.client;

/** How a consumer group takes messages: pull (ACTIVELY), push (PASSIVELY, long polling) or 5.x POP. */
public enum ConsumeType {
    CONSUME_ACTIVELY,
    CONSUME_PASSIVELY,
    CONSUME_POP
}
