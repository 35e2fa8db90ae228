package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/**
 * Cost to a target and performance profiles (PROTOCOL: AlgoPerf's time to a target, Dolan and Moré's
 * profiles). Per setting (every swept key but the method's), the target is {@code report.target.fraction}
 * (0.95) of the best strategy's mean final test accuracy there, or an absolute
 * {@code report.target.accuracy}; a run's cost is the cumulative minibatch passes at its first curve
 * point that reaches the target, ∞ if none does (a failed run included); a strategy's cost on the
 * setting is the median over its seeds ({@link PerformanceProfile#median}). The profile's ratios,
 * ρ and score come from those costs, with r_max = {@code report.profileMax} (4).
 */
final class ProfileSection {
    /** A setting's label and coordinates, its target, and each strategy's runs' costs and median. */
    record Setting(String label, Map<String, Object> coordinates, double target, Map<String, double[]> runCosts,
                   Map<String, Double> cost) {
    }

    /** The settings, and the profile over them; null when the runs carry no curve with passes (none measured). */
    record Profiles(List<Setting> settings, List<String> strategies, PerformanceProfile profile) {
    }

    private ProfileSection() {
    }

    static Profiles of(ExperimentResults results) {
        Map<String, Object> report = results.info().report() == null ? Map.of() : results.info().report();
        Map<?, ?> target = report.get("target") instanceof Map<?, ?> t ? t : Map.of();
        double fraction = target.get("fraction") instanceof Number f ? f.doubleValue() : 0.95;
        Double absolute = target.get("accuracy") instanceof Number a ? a.doubleValue() : null;
        double rMax = report.get("profileMax") instanceof Number m ? m.doubleValue() : 4;
        boolean measured = results.runs().stream().flatMap(r -> r.curve().stream()).anyMatch(p -> !Double.isNaN(p.passes()));
        if (!measured) {
            return null;
        }
        List<String> strategies = results.runs().stream().map(r -> r.spec().strategy()).distinct().toList();
        List<Setting> settings = new ArrayList<>();
        Settings.group(results.runs()).forEach((coordinates, byStrategy) -> {
            double best = Double.NEGATIVE_INFINITY;
            for (List<RunResult> runs : byStrategy.values()) {
                SummaryStatistics acc = Settings.accuracy(runs);
                if (acc.getN() > 0) {
                    best = Math.max(best, acc.getMean());
                }
            }
            double t = absolute != null ? absolute : fraction * best;
            Map<String, double[]> runCosts = new LinkedHashMap<>();
            Map<String, Double> cost = new LinkedHashMap<>();
            byStrategy.forEach((s, runs) -> {
                double[] c = runs.stream().mapToDouble(r -> cost(r, t)).toArray();
                runCosts.put(s, c);
                cost.put(s, PerformanceProfile.median(c));
            });
            settings.add(new Setting(Settings.label(coordinates), coordinates, t, runCosts, cost));
        });
        Map<String, double[]> costs = new LinkedHashMap<>();
        for (String s : strategies) {
            costs.put(s, settings.stream().mapToDouble(w -> w.cost().getOrDefault(s, Double.POSITIVE_INFINITY)).toArray());
        }
        return new Profiles(settings, strategies, new PerformanceProfile(costs, rMax));
    }

    /** Passes at the run's first curve point at or above the target; ∞ when none is (or the run failed). */
    static double cost(RunResult r, double target) {
        if (r.status() == RunStatus.FAILED || Double.isNaN(target)) {
            return Double.POSITIVE_INFINITY;
        }
        for (CurvePoint p : r.curve()) {
            if (p.testAccuracy() >= target && !Double.isNaN(p.passes())) {
                return p.passes();
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** The report's section: the profiles as step curves, the scores, each setting's target and costs. */
    static Map<String, Object> section(Profiles p, HtmlOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("present", p != null);
        if (p == null) {
            return m;
        }
        PerformanceProfile profile = p.profile();
        m.put("rMax", NumberText.plain(profile.rMax()));
        // Every setting dropped (no strategy reached its target): the section says so instead of drawing.
        m.put("svg", profile.kept().isEmpty() ? "" : chart(p, o.chartWidth()));
        List<Map<String, Object>> scores = new ArrayList<>();
        p.strategies().stream().sorted((a, b) -> Double.compare(profile.score(b), profile.score(a))).forEach(s -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("strategy", s);
            r.put("score", NumberText.fixed(profile.score(s), 3));
            r.put("solved", NumberText.fixed(profile.rho(s, Double.POSITIVE_INFINITY), 2));
            scores.add(r);
        });
        m.put("scores", scores);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Setting w : p.settings()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("setting", w.label());
            r.put("target", NumberText.fixed(w.target(), 4));
            r.put("costs", p.strategies().stream().map(s -> passes(w.cost().get(s))).toList());
            rows.add(r);
        }
        m.put("strategies", p.strategies());
        m.put("rows", rows);
        m.put("dropped", profile.dropped().stream().map(i -> p.settings().get(i).label()).toList());
        return m;
    }

    /**
     * summary.json's {@code targets} (per setting: coordinates, target), {@code costToTarget} (per strategy and
     * setting: the median cost, null for a miss, and each seed's), and {@code performanceProfile} (rMax, the
     * τ where the steps lie, ρ at each, the score, and the settings dropped); nothing without passes.
     */
    static void summarise(Profiles p, Map<String, Object> summary) {
        if (p == null) {
            return;
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        List<Map<String, Object>> costs = new ArrayList<>();
        for (Setting w : p.settings()) {
            targets.add(JsonReporter.ordered("coordinates", w.coordinates(), "target", w.target()));
            w.cost().forEach((s, c) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("strategy", s);
                m.put("coordinates", w.coordinates());
                m.put("cost", Double.isFinite(c) ? c : null);
                m.put("reached", Double.isFinite(c));
                m.put("runs", java.util.Arrays.stream(w.runCosts().get(s)).mapToObj(x -> Double.isFinite(x) ? x : null).toList());
                costs.add(m);
            });
        }
        summary.put("targets", targets);
        summary.put("costToTarget", costs);
        PerformanceProfile profile = p.profile();
        double[] taus = profile.taus();
        Map<String, Object> pp = new LinkedHashMap<>();
        pp.put("rMax", profile.rMax());
        pp.put("taus", taus);
        Map<String, Object> rho = new LinkedHashMap<>();
        Map<String, Object> score = new LinkedHashMap<>();
        for (String s : p.strategies()) {
            rho.put(s, java.util.Arrays.stream(taus).map(t -> profile.rho(s, t)).toArray());
            score.put(s, Double.isNaN(profile.score(s)) ? null : profile.score(s));
        }
        pp.put("rho", rho);
        pp.put("score", score);
        pp.put("dropped", profile.dropped().stream().map(i -> p.settings().get(i).coordinates()).toList());
        summary.put("performanceProfile", pp);
    }

    static String passes(Double v) {
        return v == null ? "–" : Double.isInfinite(v) ? "∞" : String.format(java.util.Locale.ROOT, "%,.0f", v);
    }

    private static String chart(Profiles p, int width) {
        PerformanceProfile profile = p.profile();
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer renderer = new XYStepRenderer();
        int i = 0;
        for (String s : p.strategies()) {
            XYSeries series = new XYSeries(s, false, true);
            for (double tau : profile.taus()) {
                series.add(tau, profile.rho(s, tau));
            }
            data.addSeries(series);
            renderer.setSeriesPaint(i, Charts.strategyColor(i));
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(1.6f));
            i++;
        }
        NumberAxis x = Charts.axis("τ (cost ÷ the setting's best cost)");
        x.setRange(1, profile.rMax());
        NumberAxis y = Charts.axis("ρ(τ): share of settings within τ");
        y.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.svg("profile", Charts.chart("Performance profiles", plot), width, 380);
    }
}
