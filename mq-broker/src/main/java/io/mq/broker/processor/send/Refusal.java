package io.mq.broker.processor.send;

/** A send the broker will not store, with the response code and the remark the client is told. */
record Refusal(int code, String remark) implements Admission, RetryRoute {
}
