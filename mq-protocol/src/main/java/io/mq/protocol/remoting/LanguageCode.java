package io.mq.protocol.remoting;

/** The client language as RocketMQ numbers it (the binary header carries the ordinal). */
public enum LanguageCode {
    JAVA, CPP, DOTNET, PYTHON, DELPHI, ERLANG, RUBY, OTHER, HTTP, GO, PHP, OMS, RUST;

    /** values() copies the array on every call, and every binary header is read through it. */
    private static final LanguageCode[] VALUES = values();

    public static LanguageCode ofCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : OTHER;
    }

    /** By name as JSON headers carry it; unknown names map to OTHER rather than failing the frame. */
    public static LanguageCode ofName(String name) {
        for (var value : VALUES) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return OTHER;
    }
}
