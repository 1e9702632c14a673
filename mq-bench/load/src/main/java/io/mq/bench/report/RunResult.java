package io.mq.bench.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one load run, printed as a summary for people and as one {@code RESULT {json}} line for scripts.
 *
 * @param measuredSeconds  the window the rates are over (after warm-up)
 * @param messages         messages completed in the window (sent OK, or consumed)
 * @param totalMessages    every message the run moved, warm-up included (what the broker's CPU time paid for)
 * @param errors           failed sends over the whole run
 * @param consumed         e2e: messages that came back in the window; otherwise equal to {@code messages} or 0
 * @param latency          produce: send latency; e2e: send-to-delivery latency; consume: none
 */
public record RunResult(
        String mode,
        String driver,
        String sendMode,
        int threads,
        int bodySize,
        double targetRate,
        double measuredSeconds,
        long messages,
        long totalMessages,
        long errors,
        long consumed,
        Latency latency) {

    public static final String PREFIX = "RESULT ";

    public double messagesPerSecond() {
        return measuredSeconds <= 0 ? 0 : messages / measuredSeconds;
    }

    public double megabytesPerSecond() {
        return messagesPerSecond() * bodySize / (1024.0 * 1024.0);
    }

    /** Flat JSON (no nesting) so that any script can read it with a one-line parser. */
    public String toJson() {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("mode", mode);
        fields.put("driver", driver);
        fields.put("sendMode", sendMode);
        fields.put("threads", threads);
        fields.put("bodySize", bodySize);
        fields.put("targetRate", targetRate);
        fields.put("seconds", measuredSeconds);
        fields.put("messages", messages);
        fields.put("totalMessages", totalMessages);
        fields.put("errors", errors);
        fields.put("consumed", consumed);
        fields.put("msgPerSec", messagesPerSecond());
        fields.put("mbPerSec", megabytesPerSecond());
        fields.put("latencyCount", latency.count());
        fields.put("p50Us", latency.p50Us());
        fields.put("p99Us", latency.p99Us());
        fields.put("p999Us", latency.p999Us());
        fields.put("maxUs", latency.maxUs());
        fields.put("meanUs", latency.meanUs());
        return FlatJson.write(fields);
    }

    public String resultLine() {
        return PREFIX + toJson();
    }

    /** Reads what {@link #toJson()} wrote (the derived rates are recomputed). */
    public static RunResult fromJson(String json) {
        Map<String, String> f = FlatJson.read(json);
        return new RunResult(f.get("mode"), f.get("driver"), f.get("sendMode"),
                (int) num(f, "threads"), (int) num(f, "bodySize"), num(f, "targetRate"), num(f, "seconds"),
                (long) num(f, "messages"), (long) num(f, "totalMessages"), (long) num(f, "errors"),
                (long) num(f, "consumed"),
                new Latency((long) num(f, "latencyCount"), (long) num(f, "p50Us"), (long) num(f, "p99Us"),
                        (long) num(f, "p999Us"), (long) num(f, "maxUs"), num(f, "meanUs")));
    }

    /** Several lines for a person at a terminal. */
    public String summary() {
        return String.format(Locale.ROOT, """
                %s via %s (%s, %d threads, %d-byte bodies%s)
                  %d messages in %.1f s: %.0f msg/s, %.2f MB/s; %d errors; %d moved in total
                  latency%s: %s""",
                mode, driver, sendMode, threads, bodySize, targetRate > 0 ? ", target " + (long) targetRate + " msg/s" : "",
                messages, measuredSeconds, messagesPerSecond(), megabytesPerSecond(), errors, totalMessages,
                mode.equals("e2e") ? " (send to delivery, " + consumed + " delivered)" : "", latency.describe());
    }

    private static double num(Map<String, String> fields, String name) {
        var raw = fields.get(name);
        if (raw == null) {
            throw new IllegalArgumentException("result has no field " + name);
        }
        return Double.parseDouble(raw);
    }
}
