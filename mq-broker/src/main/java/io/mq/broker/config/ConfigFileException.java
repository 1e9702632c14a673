package io.mq.broker.config;

/** A config file that cannot be read or written: unreadable, not the JSON we expect, or the disk refused. */
public class ConfigFileException extends RuntimeException {

    public ConfigFileException(String message) {
        super(message);
    }

    public ConfigFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
