package io.mq.bench.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tiny {@code --name value} / {@code --name=value} / {@code --flag} parser: enough for a benchmark's options,
 * without a library. Unknown names and missing values fail with a message naming the option.
 */
public final class CommandLine {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmM][bB]?|[bB])?");

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}; {@code options} are the names that take a value, {@code flags} those that do not
     * (a flag reads as {@code "true"}). A name given twice keeps the last value.
     *
     * @throws IllegalArgumentException for an unknown name, a missing value or a stray argument
     */
    public static CommandLine parse(String[] args, Set<String> options, Set<String> flags) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options start with --)");
            }
            var name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                values.put(name, value == null ? "true" : value);
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return new CommandLine(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    public long number(String name, long fallback) {
        var raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + raw + "'");
        }
    }

    public double decimal(String name, double fallback) {
        var raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + raw + "'");
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public Duration duration(String name, Duration fallback) {
        var raw = values.get(name);
        return raw == null ? fallback : parseDuration(name, raw);
    }

    /** {@code 1024}, {@code 1k}/{@code 1kb} (1024 bytes), {@code 1m}/{@code 1mb}. */
    public int bytes(String name, int fallback) {
        var raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        var m = SIZE.matcher(raw.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a size like 1024, 1k or 1m, got '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        var unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        long bytes = unit.startsWith("k") ? n * 1024 : unit.startsWith("m") ? n * 1024 * 1024 : n;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " is too large: " + raw);
        }
        return (int) bytes;
    }

    /** One of {@code allowed} (case-insensitive), upper-cased. */
    public String choice(String name, String fallback, List<String> allowed) {
        var raw = values.getOrDefault(name, fallback).toUpperCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(raw)) {
            throw new IllegalArgumentException("--" + name + " must be one of " + allowed + ", got '" + values.get(name) + "'");
        }
        return raw;
    }

    static Duration parseDuration(String name, String raw) {
        var m = DURATION.matcher(raw.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 500ms, 30s or 2m, got '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        var unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
