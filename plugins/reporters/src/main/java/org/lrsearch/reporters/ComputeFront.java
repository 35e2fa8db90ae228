package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * Accuracy against compute: per setting (every swept key but the strategy), one point per strategy at
 * its mean forward + backward passes per run and its mean test accuracy over seeds, and the Pareto
 * front of the setting: the points no other point beats on both (fewer or equal passes and higher
 * accuracy). Settings are never pooled: a 1-shot and a 5-shot accuracy are not on one scale. A strategy
 * with a diverged run in the setting is marked and kept off the front (and beats no one there): a run
 * that stopped early spent few passes because it failed, not because it was cheap.
 */
final class ComputeFront {
    /**
     * @param strategy  the strategy label
     * @param passes    mean forward + backward minibatch passes per run
     * @param accuracy  test accuracy over the setting's seeds (failed runs left out)
     * @param onFront   whether no point of the setting has fewer or equal passes and a higher mean
     * @param diverged  how many of its runs in the setting diverged
     * @param runs      how many runs it has there
     */
    record Point(String strategy, double passes, SummaryStatistics accuracy, boolean onFront, int diverged, int runs) {
    }

    /** A setting's label ({@code training.batchSize=2, dataset.shots=1}; "all runs" when only the strategy is swept) and points. */
    record Setting(String label, Map<String, Object> coordinates, List<Point> points) {
    }

    private ComputeFront() {
    }

    static List<Setting> of(ExperimentResults results) {
        List<Setting> out = new ArrayList<>();
        Settings.group(results.runs()).forEach((coordinates, byStrategy) -> {
            List<Point> raw = new ArrayList<>();
            byStrategy.forEach((strategy, runs) -> {
                SummaryStatistics acc = Settings.accuracy(runs);
                double passes = runs.stream().mapToLong(r -> r.forwardPasses() + r.backwardPasses()).average().orElse(Double.NaN);
                int diverged = (int) runs.stream().filter(r -> r.status() == RunStatus.DIVERGED).count();
                raw.add(new Point(strategy, passes, acc, false, diverged, runs.size()));
            });
            out.add(new Setting(Settings.label(coordinates), coordinates, front(raw)));
        });
        return out;
    }

    /**
     * The points in their order, each marked on or off the Pareto front (fewer passes, higher accuracy);
     * a point with a diverged run is off it and beats no other.
     */
    static List<Point> front(List<Point> points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = p.accuracy().getN() == 0 || p.diverged() > 0;
            for (Point q : points) {
                if (q != p && q.diverged() == 0 && q.accuracy().getN() > 0 && p.accuracy().getN() > 0 && q.passes() <= p.passes()
                        && q.accuracy().getMean() >= p.accuracy().getMean()
                        && (q.passes() < p.passes() || q.accuracy().getMean() > p.accuracy().getMean())) {
                    dominated = true;
                    break;
                }
            }
            out.add(new Point(p.strategy(), p.passes(), p.accuracy(), !dominated, p.diverged(), p.runs()));
        }
        return out;
    }

    /** The front's points by passes, for drawing it as a line. */
    static List<Point> frontLine(Setting s) {
        return s.points().stream().filter(Point::onFront).sorted(Comparator.comparingDouble(Point::passes)).toList();
    }

    /** The report's section: one panel per setting on shared axes, one legend, and the numbers as a table. */
    static Map<String, Object> section(ExperimentResults results, List<String> strategies, HtmlOptions o) {
        List<Setting> settings = of(results);
        Map<String, Integer> index = new LinkedHashMap<>();
        strategies.forEach(st -> index.put(st, index.size()));
        double xLo = Double.POSITIVE_INFINITY, xHi = 0, yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Setting s : settings) {
            for (Point p : s.points()) {
                if (p.accuracy().getN() > 0 && p.passes() > 0) {
                    double sd = p.accuracy().getN() > 1 ? p.accuracy().getStandardDeviation() : 0;
                    xLo = Math.min(xLo, p.passes());
                    xHi = Math.max(xHi, p.passes());
                    yLo = Math.min(yLo, p.accuracy().getMean() - sd);
                    yHi = Math.max(yHi, p.accuracy().getMean() + sd);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("present", xHi > 0);
        if (xHi == 0) {
            return m;
        }
        double pad = 0.04 * Math.max(yHi - yLo, 0.01);
        List<Map<String, Object>> panels = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        int id = 0;
        for (Setting s : settings) {
            panels.add(Map.of("svg", Charts.frontier("front-" + id++, s.label(), s, index, xLo / 1.6, xHi * 1.6,
                    Math.max(0, yLo - pad), Math.min(1, yHi + pad), o.chartWidth(), o.chartHeight())));
            for (Point p : s.points()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("setting", s.label());
                r.put("strategy", p.strategy());
                r.put("passes", Double.isNaN(p.passes()) ? "–" : String.format(java.util.Locale.ROOT, "%,.0f", p.passes()));
                long n = p.accuracy().getN();
                r.put("accuracy", n == 0 ? "–" : NumberText.fixed(p.accuracy().getMean(), 4));
                r.put("sd", n > 1 ? NumberText.fixed(p.accuracy().getStandardDeviation(), 4) : "");
                r.put("n", String.valueOf(n));
                r.put("onFront", p.onFront());
                r.put("diverged", p.diverged() == 0 ? "" : p.diverged() + " of " + p.runs() + " diverged");
                rows.add(r);
            }
        }
        List<Map<String, Object>> legend = new ArrayList<>();
        index.forEach((st, i) -> legend.add(Map.of("strategy", st, "glyph", Charts.strategyGlyph(i),
                "color", String.format("#%06X", Charts.strategyColor(i).getRGB() & 0xFFFFFF))));
        m.put("panels", panels);
        m.put("rows", rows);
        m.put("legend", legend);
        return m;
    }
}
