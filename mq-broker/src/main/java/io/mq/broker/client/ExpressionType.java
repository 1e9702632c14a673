package io.mq.broker.client;

/** The language of a subscription's filter: tags ("a || b", "*") or SQL92 over message properties. */
public enum ExpressionType {
    TAG,
    SQL92
}
