package io.mq.spring.listener;

/** How a listener's selector expression is read. */
public enum SelectorType {
    /** A tag expression: "*", "a", "a || b". */
    TAG,
    /** An SQL92 condition over the message properties, evaluated by the broker. */
    SQL92
}
