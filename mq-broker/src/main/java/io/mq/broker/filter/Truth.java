package io.mq.broker.filter;

/**
 * SQL's three-valued logic: a comparison with a missing property is UNKNOWN, and only a
 * whole expression that is TRUE selects the message.
 */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
