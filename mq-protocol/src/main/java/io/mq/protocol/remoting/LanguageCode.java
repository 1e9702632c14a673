package io.mq.protocol.remoting;

/** The client language as RocketMQ numbers it (the binary header carries the ordinal). */
public enum LanguageCode {
    JAVA, CPP, DOTNET, PYTHON, DELPHI, ERLANG, RUBY, OTHER, HTTP, GO, PHP, OMS, RUST;

    public static LanguageCode ofCode(int code) {
        var values = values();
        return code >= 0 && code < values.length ? values[code] : OTHER;
    }

    /** By name as JSON headers carry it; unknown names map to OTHER rather than failing the frame. */
    public static LanguageCode ofName(String name) {
        for (var value : values()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return OTHER;
    }
}
