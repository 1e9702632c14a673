package io.mq.broker.processor.client;

import io.mq.broker.client.ConsumeFromWhere;
import io.mq.broker.client.ConsumeType;
import io.mq.broker.client.MessageModel;

/** The wire's consumer enums mapped to the registry's, by name; a missing value takes RocketMQ's push default. */
final class WireEnums {

    private WireEnums() {
    }

    static ConsumeType consumeType(io.mq.protocol.body.ConsumeType wire) {
        return wire == null ? ConsumeType.CONSUME_PASSIVELY : ConsumeType.valueOf(wire.name());
    }

    static MessageModel messageModel(io.mq.protocol.body.MessageModel wire) {
        return wire == null ? MessageModel.CLUSTERING : MessageModel.valueOf(wire.name());
    }

    static ConsumeFromWhere consumeFromWhere(io.mq.protocol.body.ConsumeFromWhere wire) {
        return wire == null ? ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET : ConsumeFromWhere.valueOf(wire.name());
    }
}
