package org.lrsearch.runner.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.runner.store.ResultsStore;

/**
 * The answer in the terminal: for every setting (each combination of the swept keys but the
 * strategy), the strategy with the best mean test accuracy over seeds and the runner-up, as the
 * report's first table ranks them. Long grids print their first settings and say how many more the
 * report holds.
 */
final class BestCells {
    static final int MAX_LINES = 24;

    private BestCells() {
    }

    static void print(PrintStream console, Path dir) {
        List<ResultsStore.Outcome> runs;
        try (ResultsStore store = ResultsStore.open(dir)) {
            runs = store.outcomes();
        }
        print(console, runs);
    }

    static void print(PrintStream console, List<ResultsStore.Outcome> runs) {
        // setting label → strategy → accuracy over its seeds, and its runs' statuses
        Map<String, Map<String, Accuracy>> acc = new LinkedHashMap<>();
        Map<String, Map<String, long[]>> ok = new LinkedHashMap<>();
        for (ResultsStore.Outcome r : runs) {
            // A tuned study's tuning runs chose options; the answer is the evaluation runs'.
            if ("tuning".equals(r.spec().coordinate("phase"))) {
                continue;
            }
            String setting = setting(r.spec());
            Accuracy s = acc.computeIfAbsent(setting, k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.spec().strategy(), k -> new Accuracy());
            long[] n = ok.computeIfAbsent(setting, k -> new LinkedHashMap<>()).computeIfAbsent(r.spec().strategy(),
                    k -> new long[2]);
            n[0] += r.status() == RunStatus.OK ? 1 : 0;
            n[1]++;
            if (r.status() != RunStatus.FAILED && !Double.isNaN(r.testAccuracy())) {
                s.add(r.testAccuracy());
            }
        }
        if (acc.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"setting", "best", "test accuracy", "runner-up"});
        acc.forEach((setting, byStrategy) -> {
            List<Map.Entry<String, Accuracy>> ranked = byStrategy.entrySet().stream()
                    .filter(e -> e.getValue().n() > 0)
                    .sorted((a, b) -> Double.compare(b.getValue().mean(), a.getValue().mean())).toList();
            if (ranked.isEmpty()) {
                rows.add(new String[] {setting, "–", "no finished run", ""});
                return;
            }
            var best = ranked.get(0);
            long[] n = ok.get(setting).get(best.getKey());
            String cell = String.format(Locale.ROOT, "%.4f", best.getValue().mean())
                    + (best.getValue().n() > 1 ? String.format(Locale.ROOT, " ± %.4f", best.getValue().sd()) : "")
                    + (n[0] == n[1] ? " (n=" + n[1] + ")" : " (" + n[0] + " of " + n[1] + " ok)");
            String next = ranked.size() < 2 ? "" : ranked.get(1).getKey()
                    + String.format(Locale.ROOT, " %.4f", ranked.get(1).getValue().mean());
            rows.add(new String[] {setting, best.getKey(), cell, next});
        });
        int[] width = new int[4];
        for (String[] row : rows.subList(0, Math.min(rows.size(), MAX_LINES + 1))) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        console.println("Best strategy per setting (mean test accuracy over seeds):");
        for (String[] row : rows.subList(0, Math.min(rows.size(), MAX_LINES + 1))) {
            console.println(String.format(Locale.ROOT, "  %-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %s",
                    (Object[]) row).stripTrailing());
        }
        if (rows.size() > MAX_LINES + 1) {
            console.println("  ... " + (rows.size() - 1 - MAX_LINES) + " more settings in the report");
        }
    }

    /**
     * The swept keys but the method's (strategy, and optimizer where swept: the method is then "H1+adam")
     * and seed, as key=value; "all runs" when only the method is swept.
     */
    static String setting(RunSpec spec) {
        List<String> parts = new ArrayList<>();
        List<String> keys = spec.swept().stream().filter(k -> !k.equals("strategy") && !k.equals("optimizer")).toList();
        long distinct = keys.stream().map(BestCells::shortKey).distinct().count();
        for (String k : keys) {
            parts.add((distinct == keys.size() ? shortKey(k) : k) + "=" + spec.coordinate(k));
        }
        return parts.isEmpty() ? "all runs" : String.join(" ", parts);
    }

    /** The last part of a dotted key (batchSize, shots, hidden): enough to read a row when no two keys share it. */
    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** Mean and sample standard deviation of a cell's accuracies, as the report computes them. */
    private static final class Accuracy {
        private final List<Double> values = new ArrayList<>();

        void add(double v) {
            values.add(v);
        }

        int n() {
            return values.size();
        }

        double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        double sd() {
            double m = mean();
            return Math.sqrt(values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (values.size() - 1));
        }
    }
}
