package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.RunResult;

/**
 * A tuned study's Tuning section and {@code summary.json} {@code tuning}: per strategy and setting every
 * candidate with its mean objective over the tuning seeds (infeasible ones named), the winner the runner
 * chose (recorded with the experiment, never chosen again here), and per tuned option DeepOBS's sensitivity plot: the
 * objective of each candidate against the option's value, one series per setting.
 */
final class TuningReport {
    /** One strategy in one setting: its candidates and the winner's index (-1 when none ran). */
    record Group(String strategy, Map<String, Object> setting, List<Map<String, Object>> trials, int winner) {
    }

    private TuningReport() {
    }

    @SuppressWarnings("unchecked")
    static List<Group> of(ExperimentResults results) {
        Map<String, Object> tuning = results.info().tuning();
        if (tuning == null) {
            return null;
        }
        boolean accuracy = !"final-train-loss".equals(tuning.get("objective"));
        Map<String, SummaryStatistics> objective = new LinkedHashMap<>();
        for (RunResult r : results.tuning()) {
            double v = accuracy ? r.validationAccuracy() : r.finalTrainLoss();
            objective.computeIfAbsent(key(r.spec().strategy(), Settings.of(r.spec()), r.spec().coordinate("trial")),
                    k -> new SummaryStatistics()).addValue(Double.isNaN(v) ? (accuracy ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY) : v);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Object o : (List<Object>) tuning.getOrDefault("trials", List.of())) {
            Map<String, Object> t = (Map<String, Object>) o;
            Map<String, Object> setting = new TreeMap<>((Map<String, Object>) t.get("setting"));
            String strategy = String.valueOf(t.get("strategy"));
            Group g = groups.computeIfAbsent(strategy + setting, k -> new Group(strategy, setting, new ArrayList<>(), -1));
            Map<String, Object> trial = new LinkedHashMap<>(t);
            SummaryStatistics s = objective.get(key(strategy, setting, t.get("trial")));
            trial.put("objective", s == null || t.get("infeasible") != null ? null : s.getMean());
            g.trials().add(trial);
        }
        // The winners the runner chose and evaluated (none yet where evaluation runs still wait): the first
        // feasible candidate with the winning options, as ties go to the one drawn first.
        Map<String, Object> winners = new LinkedHashMap<>();
        for (Object o : (List<Object>) tuning.getOrDefault("winners", List.of())) {
            Map<String, Object> w = (Map<String, Object>) o;
            winners.put(w.get("strategy") + "|" + new TreeMap<>((Map<String, Object>) w.get("setting")), w.get("options"));
        }
        List<Group> out = new ArrayList<>();
        groups.values().forEach(g -> {
            Object won = winners.get(g.strategy() + "|" + g.setting());
            int best = -1;
            for (int i = 0; i < g.trials().size() && best < 0; i++) {
                if (g.trials().get(i).get("infeasible") == null && java.util.Objects.equals(won, g.trials().get(i).get("options"))) {
                    best = i;
                }
            }
            out.add(new Group(g.strategy(), g.setting(), g.trials(), best));
        });
        return out;
    }


    private static String key(String strategy, Map<String, Object> setting, Object trial) {
        return strategy + "|" + new TreeMap<>(setting) + "|" + trial;
    }

    /** summary.json's {@code tuning}: every group with its space, candidates and winner. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> summary(ExperimentResults results, List<Group> groups) {
        Map<String, Object> space = (Map<String, Object>) results.info().tuning().getOrDefault("space", Map.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", g.strategy());
            m.put("coordinates", g.setting());
            m.put("space", space.get(g.strategy()));
            m.put("trials", g.trials().stream().map(t -> {
                Map<String, Object> x = new LinkedHashMap<>(t);
                x.remove("setting");
                x.remove("strategy");
                Object v = x.get("objective");
                x.put("objective", v instanceof Double d && Double.isFinite(d) ? d : null);
                return x;
            }).toList());
            m.put("winner", g.winner() < 0 ? null : JsonReporter.ordered("trial", g.trials().get(g.winner()).get("trial"),
                    "options", g.trials().get(g.winner()).get("options")));
            out.add(m);
        }
        return out;
    }

    /** The report's section: the winners table and one sensitivity chart per tuned strategy and option. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(ExperimentResults results, List<Group> groups, HtmlOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("present", groups != null && !groups.isEmpty());
        if (groups == null || groups.isEmpty()) {
            return m;
        }
        Map<String, Object> tuning = results.info().tuning();
        m.put("objective", String.valueOf(tuning.getOrDefault("objective", "validation-accuracy")));
        m.put("sampler", String.valueOf(tuning.getOrDefault("sampler", "sobol")));
        m.put("budget", String.valueOf(tuning.get("budget")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("strategy", g.strategy());
            r.put("setting", g.setting().toString());
            long feasible = g.trials().stream().filter(t -> t.get("infeasible") == null).count();
            r.put("feasible", feasible + " of " + g.trials().size());
            r.put("winner", g.winner() < 0 ? "–" : String.valueOf(g.trials().get(g.winner()).get("options")));
            r.put("objective", g.winner() < 0 ? "–" : NumberText.fixed((Double) g.trials().get(g.winner()).get("objective"), 4));
            rows.add(r);
        }
        m.put("rows", rows);
        Map<String, Object> space = (Map<String, Object>) tuning.getOrDefault("space", Map.of());
        List<Map<String, Object>> charts = new ArrayList<>();
        int id = 0;
        for (var e : space.entrySet()) {
            for (var opt : ((Map<String, Object>) e.getValue()).entrySet()) {
                boolean log = opt.getValue() instanceof Map<?, ?> r && r.containsKey("log");
                // A choice among lists (a searcher's proposal sets, say) has no axis to plot on.
                if (!(opt.getValue() instanceof Map<?, ?> r && r.values().stream().allMatch(v -> v instanceof List<?> l
                        && l.stream().allMatch(x -> x instanceof Number)))) {
                    continue;
                }
                charts.add(Map.of("svg", sensitivity("tuning-" + id++, e.getKey(), opt.getKey(), log, groups,
                        String.valueOf(m.get("objective")), o)));
            }
        }
        m.put("charts", charts);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static String sensitivity(String id, String strategy, String option, boolean log, List<Group> groups,
                                      String objective, HtmlOptions o) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int i = 0;
        for (Group g : groups) {
            if (!g.strategy().equals(strategy)) {
                continue;
            }
            XYSeries s = new XYSeries(g.setting().toString(), true, true);
            for (Map<String, Object> t : g.trials()) {
                Object x = ((Map<String, Object>) t.get("options")).get(option);
                if (x instanceof Number n && t.get("objective") instanceof Double y && Double.isFinite(y)) {
                    s.add(n.doubleValue(), y);
                }
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, Charts.strategyColor(i));
            renderer.setSeriesShape(i, Charts.SHAPES[(i / Charts.PALETTE.length) % Charts.SHAPES.length]);
            i++;
        }
        ValueAxis x;
        if (log) {
            LogAxis a = new LogAxis(option + " (log scale)");
            a.setLabelFont(Charts.LABEL);
            a.setTickLabelFont(Charts.TICK);
            x = a;
        } else {
            x = Charts.axis(option);
            ((NumberAxis) x).setAutoRangeIncludesZero(false);
        }
        NumberAxis y = Charts.axis(objective);
        y.setAutoRangeIncludesZero(false);
        return Charts.svg(id, Charts.chart(strategy + ": " + objective + " against " + option, new XYPlot(data, x, y, renderer)),
                o.chartWidth(), o.chartHeight());
    }
}
