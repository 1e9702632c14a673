package io.mq.client.consumer;

/** How a push consumer hands messages to the application: concurrently, or one queue at a time in order. */
public sealed interface MessageListener permits ConcurrentListener, OrderlyListener {
}
