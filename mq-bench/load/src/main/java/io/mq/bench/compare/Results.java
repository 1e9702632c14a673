package io.mq.bench.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of a comparison, by row (scenario and metric), broker and round, and the table of ratios
 * ours/apache that comes out of them: the median of the per-round ratios and their spread (min-max).
 */
final class Results {

    /** One line of the table: what is measured and which way is better. */
    record Row(String name, boolean lowerIsBetter) {
    }

    private final Map<Row, Map<BrokerKind, Map<Integer, Double>>> values = new LinkedHashMap<>();

    void add(Row row, BrokerKind kind, int round, double value) {
        values.computeIfAbsent(row, r -> new EnumMap<>(BrokerKind.class))
                .computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .put(round, value);
    }

    /** Tab-separated raw figures: row, broker, round, value. */
    String tsv() {
        var out = new StringBuilder("row\tbroker\tround\tvalue\n");
        values.forEach((row, byKind) -> byKind.forEach((kind, byRound) -> byRound.forEach((round, value) ->
                out.append(row.name()).append('\t').append(kind.label()).append('\t').append(round).append('\t')
                        .append(String.format(Locale.ROOT, "%.3f", value)).append('\n'))));
        return out.toString();
    }

    /** The ratio table, one row per metric, for a terminal or a Markdown file. */
    String table() {
        var out = new StringBuilder();
        out.append("| scenario / metric | ours (median) | apache (median) | ours/apache (median) | spread (min-max) |\n");
        out.append("|---|---:|---:|---:|---|\n");
        values.forEach((row, byKind) -> {
            var ours = byKind.getOrDefault(BrokerKind.OURS, Map.of());
            var theirs = byKind.getOrDefault(BrokerKind.APACHE, Map.of());
            var ratios = new ArrayList<Double>();
            ours.forEach((round, value) -> {
                var other = theirs.get(round);
                if (other != null && other != 0 && !value.isNaN() && !other.isNaN()) {
                    ratios.add(value / other);
                }
            });
            out.append("| ").append(row.name()).append(row.lowerIsBetter() ? " (lower is better)" : "")
                    .append(" | ").append(number(median(new ArrayList<>(ours.values()))))
                    .append(" | ").append(number(median(new ArrayList<>(theirs.values()))))
                    .append(" | ").append(ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", median(ratios)))
                    .append(" | ").append(ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f-%.2f",
                            ratios.stream().mapToDouble(d -> d).min().orElse(0),
                            ratios.stream().mapToDouble(d -> d).max().orElse(0)))
                    .append(" |\n");
        });
        return out.toString();
    }

    static double median(List<Double> numbers) {
        if (numbers.isEmpty()) {
            return Double.NaN;
        }
        var sorted = numbers.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
