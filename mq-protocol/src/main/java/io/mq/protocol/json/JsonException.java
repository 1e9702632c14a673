package io.mq.protocol.json;

/** Text that is not the JSON we expect, or a value of the wrong type. */
public class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
