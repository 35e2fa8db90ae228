package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * The cells of {@code summary.json} for any grid: one per combination of swept keys (strategy
 * included), only seeds pooled, with the mean test accuracy, its standard deviation and 95%
 * confidence interval, and the mean passes a run of the cell spent.
 */
final class SummaryCells {
    private SummaryCells() {
    }

    private static Map<Map<String, Object>, List<RunResult>> group(ExperimentResults results) {
        Map<Map<String, Object>, List<RunResult>> cells = new LinkedHashMap<>();
        for (RunResult r : results.runs()) {
            cells.computeIfAbsent(r.spec().sweptCoordinates(), k -> new ArrayList<>()).add(r);
        }
        return cells;
    }

    static List<Map<String, Object>> cells(ExperimentResults results) {
        List<Map<String, Object>> out = new ArrayList<>();
        group(results).forEach((coordinates, runs) -> {
            SummaryStatistics s = new SummaryStatistics();
            for (RunResult r : runs) {
                if (r.status() != RunStatus.FAILED && !Double.isNaN(r.testAccuracy())) {
                    s.addValue(r.testAccuracy());
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("coordinates", coordinates);
            c.put("n", s.getN());
            c.put("mean", s.getN() == 0 ? null : s.getMean());
            c.put("sd", s.getN() > 1 ? s.getStandardDeviation() : null);
            if (s.getN() > 1) {
                double half = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975) * s.getStandardDeviation()
                        / Math.sqrt(s.getN());
                c.put("ci95", List.of(s.getMean() - half, s.getMean() + half));
            } else {
                c.put("ci95", null);
            }
            out.add(c);
        });
        return out;
    }

    static List<Map<String, Object>> compute(ExperimentResults results) {
        Map<Map<String, Object>, Boolean> onFront = new java.util.HashMap<>();
        for (ComputeFront.Setting s : ComputeFront.of(results)) {
            for (ComputeFront.Point p : s.points()) {
                Map<String, Object> key = new java.util.HashMap<>(s.coordinates());
                key.put("strategy", p.strategy());
                onFront.put(key, p.onFront());
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        group(results).forEach((coordinates, runs) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("coordinates", coordinates);
            c.put("meanForwardPasses", runs.stream().mapToLong(RunResult::forwardPasses).average().orElse(Double.NaN));
            c.put("meanBackwardPasses", runs.stream().mapToLong(RunResult::backwardPasses).average().orElse(Double.NaN));
            c.put("meanWallMs", runs.stream().mapToLong(RunResult::wallMs).average().orElse(Double.NaN));
            Map<String, Object> key = new java.util.HashMap<>(coordinates);
            key.put("strategy", runs.get(0).spec().strategy());
            c.put("paretoFront", onFront.getOrDefault(key, false));
            out.add(c);
        });
        return out;
    }
}
