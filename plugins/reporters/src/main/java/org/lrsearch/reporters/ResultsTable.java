package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * The results table for a grid not compared with a published table: one column per value of one
 * swept key ({@code report.columns}, by default {@code dataset.shots} when it is swept), one row per
 * combination of the other swept keys (strategy first), cells the mean ± sd (n) over seeds, the best
 * mean of each column marked. Only seeds are pooled.
 */
final class ResultsTable {
    private ResultsTable() {
    }

    /**
     * Whether Table 1's layout fits: the config compares with a published table ({@code report.reference}),
     * so its rows and columns must be the paper's. Any other grid is laid out by its own keys.
     */
    static boolean paperShaped(ExperimentResults results) {
        return results.info().report() != null && results.info().report().get("reference") != null;
    }

    static Map<String, Object> build(ExperimentResults results) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (results.runs().isEmpty() || paperShaped(results)) {
            t.put("present", false);
            return t;
        }
        List<String> swept = results.runs().get(0).spec().swept();
        Object requested = results.info().report() == null ? null : results.info().report().get("columns");
        String columnKey = requested != null && swept.contains(String.valueOf(requested)) ? String.valueOf(requested)
                : swept.contains("dataset.shots") ? "dataset.shots" : null;
        List<String> rowKeys = new ArrayList<>();
        if (swept.contains("strategy") && !"strategy".equals(columnKey)) {
            rowKeys.add("strategy");
        }
        swept.stream().filter(k -> !k.equals("strategy") && !k.equals(columnKey)).forEach(rowKeys::add);
        Set<String> columns = new LinkedHashSet<>();
        // Rows keyed by their labels (the row keys' values, in order).
        Map<List<String>, Map<String, SummaryStatistics>> cells = new LinkedHashMap<>();
        Map<List<String>, Map<String, Double>> runsOf = new LinkedHashMap<>();
        Map<List<String>, Map<String, long[]>> okOf = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            String column = columnKey == null ? "test accuracy" : String.valueOf(r.spec().coordinate(columnKey));
            columns.add(column);
            List<String> rowKey = rowKeys.stream().map(k -> String.valueOf(r.spec().coordinate(k))).toList();
            SummaryStatistics s = cells.computeIfAbsent(rowKey, k -> new LinkedHashMap<>())
                    .computeIfAbsent(column, k -> new SummaryStatistics());
            long[] ok = okOf.computeIfAbsent(rowKey, k -> new LinkedHashMap<>()).computeIfAbsent(column, k -> new long[2]);
            ok[0] += r.status() == RunStatus.OK ? 1 : 0;
            ok[1]++;
            if (r.status() != RunStatus.FAILED && !Double.isNaN(r.testAccuracy())) {
                s.addValue(r.testAccuracy());
                runsOf.computeIfAbsent(rowKey, k -> new java.util.TreeMap<>()).put(column + "/" + r.spec().seed(),
                        r.testAccuracy());
            }
        }
        Map<String, Double> best = new LinkedHashMap<>();
        cells.values().forEach(row -> row.forEach((c, s) -> {
            if (s.getN() > 0) {
                best.merge(c, s.getMean(), Math::max);
            }
        }));
        // A row that repeats an earlier row of the same other keys run for run names it (H2 = H1).
        List<String> groups = new ArrayList<>(), signatures = new ArrayList<>(), strategies = new ArrayList<>();
        int si = rowKeys.indexOf("strategy");
        for (List<String> label : cells.keySet()) {
            List<String> others = new ArrayList<>(label);
            strategies.add(si < 0 ? "" : others.remove(si));
            groups.add(String.join("\u0000", others));
            signatures.add(si < 0 || !runsOf.containsKey(label) ? "" : runsOf.get(label).toString());
        }
        List<String> sameAs = SameAs.flags(groups, signatures, strategies);
        List<Map<String, Object>> rows = new ArrayList<>();
        cells.forEach((label, row) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("labels", label);
            List<Map<String, Object>> cs = new ArrayList<>();
            for (String c : columns) {
                SummaryStatistics s = row.get(c);
                Map<String, Object> cell = new LinkedHashMap<>();
                boolean any = s != null && s.getN() > 0;
                cell.put("mean", any ? NumberText.fixed(s.getMean(), 4) : "–");
                cell.put("sd", any && s.getN() > 1 ? NumberText.fixed(s.getStandardDeviation(), 4) : "");
                cell.put("n", any ? String.valueOf(s.getN()) : "");
                long[] ok = okOf.get(label).get(c);
                cell.put("ok", ok == null ? "" : ResultCells.okText(ok[0], ok[1]));
                cell.put("best", any && s.getMean() == best.get(c));
                cs.add(cell);
            }
            r.put("cells", cs);
            r.put("sameAs", sameAs.get(rows.size()));
            rows.add(r);
        });
        t.put("present", true);
        t.put("rowKeys", rowKeys);
        t.put("columnKey", columnKey == null ? "" : columnKey);
        t.put("columns", List.copyOf(columns));
        t.put("rows", rows);
        t.put("anySame", sameAs.stream().anyMatch(x -> !x.isEmpty()));
        return t;
    }
}
