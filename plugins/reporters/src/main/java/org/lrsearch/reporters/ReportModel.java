package org.lrsearch.reporters;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.PluginInfo;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.TraceEvent;

/**
 * The data the report templates render, built from results: maps and lists of preformatted
 * strings only, so templates stay free of logic and numbers read the same in every locale.
 */
final class ReportModel {
    private ReportModel() {
    }

    static Map<String, Object> build(ExperimentResults results, HtmlOptions options) throws IOException {
        ExperimentInfo info = results.info();
        ResultCells cells = new ResultCells(results);
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> report = info.report() == null ? Map.of() : info.report();
        m.put("title", String.valueOf(report.getOrDefault("title", "lrsearch report: " + info.name())));
        m.put("name", info.name());
        m.put("configFile", info.configFile());
        m.put("summary", summary(results));
        m.put("table1", table1(cells, ReferenceTable.of(info)));
        m.put("figure2", figure2(cells, results, options));
        m.put("traces", traces(cells, results, options));
        m.put("stats", stats(results, cells));
        m.put("compute", compute(cells, results));
        m.put("problems", problems(results));
        m.put("provenance", provenance(info, results));
        return m;
    }

    static Map<String, Object> summary(ExperimentResults results) {
        Map<String, Object> s = new LinkedHashMap<>();
        long ok = results.runs().stream().filter(r -> r.status() == RunStatus.OK).count();
        s.put("runs", String.valueOf(results.runs().size()));
        s.put("ok", String.valueOf(ok));
        s.put("diverged", String.valueOf(results.runs().stream().filter(r -> r.status() == RunStatus.DIVERGED).count()));
        s.put("failed", String.valueOf(results.runs().stream().filter(r -> r.status() == RunStatus.FAILED).count()));
        return s;
    }

    /** Table 1: rows batch → strategy → hidden, columns shots; mean (± std, n) and the reference delta. */
    static Map<String, Object> table1(ResultCells cells, ReferenceTable ref) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("shots", cells.shots().stream().map(String::valueOf).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        SummaryStatistics deltas = new SummaryStatistics();
        int lastBatch = -1;
        for (ResultCells.Row row : cells.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("batch", String.valueOf(row.batchSize()));
            r.put("firstOfBatch", row.batchSize() != lastBatch);
            r.put("batchRows", String.valueOf(cells.rows().stream().filter(x -> x.batchSize() == row.batchSize()).count()));
            lastBatch = row.batchSize();
            r.put("strategy", row.strategy());
            r.put("hidden", String.valueOf(row.hidden()));
            r.put("others", row.others());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (int k : cells.shots()) {
                ResultCells.Key key = row.key(k);
                SummaryStatistics acc = cells.accuracy(key);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("mean", acc.getN() == 0 ? "–" : NumberText.fixed(acc.getMean(), 4));
                c.put("sd", acc.getN() > 1 ? NumberText.fixed(acc.getStandardDeviation(), 4) : "");
                c.put("n", acc.getN() > 1 ? String.valueOf(acc.getN()) : "");
                OptionalDouble rv = ref == null ? OptionalDouble.empty() : ref.get(key);
                if (rv.isPresent() && acc.getN() > 0) {
                    double d = acc.getMean() - rv.getAsDouble();
                    deltas.addValue(Math.abs(d));
                    c.put("ref", NumberText.fixed(rv.getAsDouble(), 4));
                    c.put("delta", String.format(Locale.ROOT, "%+.4f", d));
                    c.put("deltaClass", Math.abs(d) <= 0.02 ? "close" : Math.abs(d) <= 0.05 ? "near" : "far");
                } else {
                    c.put("ref", "");
                    c.put("delta", "");
                    c.put("deltaClass", "");
                }
                cs.add(c);
            }
            r.put("cells", cs);
            rows.add(r);
        }
        t.put("rows", rows);
        t.put("hasReference", ref != null);
        t.put("hasOthers", cells.hasOthers());
        t.put("referenceSource", ref == null ? "" : ref.source());
        t.put("compared", String.valueOf(deltas.getN()));
        t.put("meanAbsDelta", deltas.getN() == 0 ? "" : NumberText.fixed(deltas.getMean(), 4));
        t.put("maxAbsDelta", deltas.getN() == 0 ? "" : NumberText.fixed(deltas.getMax(), 4));
        return t;
    }

    /**
     * Figure 2: a panel per strategy, hidden size and combination of other swept keys, accuracy
     * curves per (shots, batch size), mean ± std over seeds.
     */
    static List<Map<String, Object>> figure2(ResultCells cells, ExperimentResults results, HtmlOptions o) {
        List<Map<String, Object>> panels = new ArrayList<>();
        int id = 0;
        for (String strategy : cells.strategies()) {
            for (int hidden : cells.hiddens()) {
                for (String others : cells.others()) {
                    List<Charts.Curve> curves = panelCurves(cells, strategy, hidden, others);
                    if (curves.isEmpty()) {
                        continue;
                    }
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("strategy", strategy);
                    p.put("hidden", String.valueOf(hidden));
                    p.put("svg", Charts.accuracy("fig2-" + id++, "LR " + strategy + ", hidden " + hidden
                            + (others.isEmpty() ? "" : ", " + others), curves, o.chartWidth(), o.chartHeight()));
                    panels.add(p);
                }
            }
        }
        return panels;
    }

    private static List<Charts.Curve> panelCurves(ResultCells cells, String strategy, int hidden, String others) {
        List<Charts.Curve> curves = new ArrayList<>();
        for (int ki = 0; ki < cells.shots().size(); ki++) {
            for (int bi = 0; bi < cells.batchSizes().size(); bi++) {
                int k = cells.shots().get(ki), b = cells.batchSizes().get(bi);
                Charts.Curve c = curve("k=" + k + " b=" + b, cells.runs(new ResultCells.Key(b, strategy, hidden, k, others)), ki, bi);
                if (c != null) {
                    curves.add(c);
                }
            }
        }
        return curves;
    }

    /** Mean and std over the runs' curves, point by point (runs of one cell share their evaluation points). */
    static Charts.Curve curve(String label, List<RunResult> runs, int color, int dash) {
        List<List<CurvePoint>> cs = runs.stream().map(RunResult::curve).filter(c -> !c.isEmpty()).toList();
        if (cs.isEmpty()) {
            return null;
        }
        int len = cs.stream().mapToInt(List::size).min().orElse(0);
        double[] x = new double[len], mean = new double[len], std = new double[len];
        for (int i = 0; i < len; i++) {
            SummaryStatistics s = new SummaryStatistics();
            for (List<CurvePoint> c : cs) {
                s.addValue(c.get(i).testAccuracy());
            }
            x[i] = cs.get(0).get(i).iteration();
            mean[i] = s.getMean();
            std[i] = s.getN() > 1 ? s.getStandardDeviation() : 0;
        }
        return new Charts.Curve(label, x, mean, std, color, dash);
    }

    /**
     * LR traces: for the first run of every strategy label, its committed rate (with its decisions
     * marked), the rounds of a proposal search, and a chart per scalar the strategy recorded; then δ of
     * every searcher run.
     */
    static Map<String, Object> traces(ResultCells cells, ExperimentResults results, HtmlOptions o) {
        List<Map<String, Object>> charts = new ArrayList<>();
        List<Map<String, Object>> deltas = new ArrayList<>();
        List<RunResult> ordered = results.runs().stream().filter(r -> !r.lrSegments().isEmpty())
                .sorted(cells.displayOrder()).toList();
        List<RunResult> searchers = ordered.stream().filter(r -> !rounds(r).isEmpty()).toList();
        int id = 0;
        for (String strategy : cells.strategies()) {
            RunResult first = ordered.stream().filter(r -> r.spec().strategy().equals(strategy)).findFirst().orElse(null);
            if (first == null) {
                continue;
            }
            List<double[]> marks = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Map<String, Object>> rounds = new ArrayList<>();
            Map<Integer, List<String>> perIteration = new java.util.TreeMap<>();
            for (TraceEvent s : rounds(first)) {
                String decision = String.valueOf(s.payload().get("case"));
                perIteration.computeIfAbsent(s.iteration(), k -> new ArrayList<>()).add(
                        Double.isNaN(s.number("delta")) ? decision : "δ=" + NumberText.plain(s.number("delta")));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("iteration", String.valueOf(s.iteration()));
                r.put("decision", decision);
                r.put("proposals", join(s.numbers("H"), false));
                r.put("g", join(s.numbers("G"), true));
                r.put("delta", NumberText.plain(s.number("delta")));
                rounds.add(r);
            }
            for (TraceEvent e : first.events()) {
                if (e.type().equals("rangeTestDone")) {
                    perIteration.computeIfAbsent(e.iteration(), k -> new ArrayList<>())
                            .add("range test ends, δ=" + NumberText.plain(e.number("suggestion")));
                }
            }
            // One marker per iteration, naming its decisions in order (a search often decides within one iteration).
            perIteration.forEach((it, names) -> {
                marks.add(new double[] {it + 1});
                labels.add("it " + it + ": " + String.join(", ", names));
            });
            double[][] xy = steps(first.lrSegments());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("strategy", strategy);
            c.put("run", describe(first));
            c.put("runId", first.spec().runId());
            c.put("svg", Charts.lrTrace("lr-" + id++, "LR " + strategy + ": " + describe(first), xy[0], xy[1], marks,
                    labels, o.chartWidth(), o.chartHeight()));
            c.put("rounds", rounds);
            List<String> scalarCharts = new ArrayList<>();
            for (var sc : first.scalars()) {
                scalarCharts.add(Charts.scalar("sc-" + id++, strategy + ": " + sc.name(), sc.name(), sc.iterations(),
                        sc.values(), o.chartWidth(), o.chartHeight() * 3 / 4));
            }
            c.put("scalars", scalarCharts);
            charts.add(c);
        }
        for (RunResult r : searchers) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("runId", r.spec().runId());
            d.put("strategy", r.spec().strategy());
            d.put("batch", String.valueOf(r.spec().batchSize()));
            d.put("hidden", String.valueOf(ResultCells.hidden(r.spec())));
            d.put("shots", String.valueOf(r.spec().shots()));
            d.put("seed", String.valueOf(r.spec().seed()));
            List<TraceEvent> rs = rounds(r);
            d.put("delta", NumberText.plain(r.result("delta")));
            d.put("shrinks", String.valueOf(rs.stream().filter(s -> "shrink".equals(s.payload().get("case"))).count()));
            d.put("searchIterations", String.valueOf(rs.get(rs.size() - 1).iteration() + 1));
            d.put("selectedDelta", share(r));
            deltas.add(d);
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("charts", charts);
        t.put("deltas", deltas);
        return t;
    }

    /** The rounds of a proposal search ({@code searchRound} trace events), in order; empty for other strategies. */
    static List<TraceEvent> rounds(RunResult r) {
        return r.events().stream().filter(e -> e.type().equals("searchRound")).toList();
    }

    /** Share of selector iterations that committed δ itself (rather than a fraction of it). */
    private static String share(RunResult r) {
        double delta = r.result("delta");
        if (Double.isNaN(delta)) {
            return "";
        }
        long atDelta = 0, total = 0;
        List<TraceEvent> rs = rounds(r);
        int start = rs.get(rs.size() - 1).iteration();
        for (LrSegment s : r.lrSegments()) {
            int from = Math.max(s.from(), start), to = s.to();
            if (to < from) {
                continue;
            }
            total += to - from + 1;
            if (s.lr() == delta) {
                atDelta += to - from + 1;
            }
        }
        return total == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * atDelta / total);
    }

    /** Points of a step line: each segment's start and end, x 1-based for the log axis. */
    static double[][] steps(List<LrSegment> segments) {
        List<double[]> pts = new ArrayList<>();
        for (LrSegment s : segments) {
            if (Double.isNaN(s.lr())) {
                continue;
            }
            pts.add(new double[] {s.from() + 1, s.lr()});
            pts.add(new double[] {s.to() + 1.999, s.lr()});
        }
        double[] x = new double[pts.size()], y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new double[][] {x, y};
    }

    static List<Map<String, Object>> stats(ExperimentResults results, ResultCells cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PairedStats p : PairedStats.all(results, cells.strategies())) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("method", p.method());
            s.put("baseline", p.baseline());
            s.put("pairs", String.valueOf(p.pairs()));
            s.put("meanDiff", String.format(Locale.ROOT, "%+.4f", p.meanDiff()));
            s.put("ci", Double.isNaN(p.ciLow()) ? "–" : String.format(Locale.ROOT, "[%+.4f, %+.4f]", p.ciLow(), p.ciHigh()));
            s.put("wilcoxon", pValue(p.wilcoxonP()));
            s.put("ttest", pValue(p.tTestP()));
            s.put("verdict", p.verdict());
            out.add(s);
        }
        return out;
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "not computable";
        }
        return p < 1e-4 ? "< 0.0001" : NumberText.fixed(p, 4);
    }

    /** Passes and time per configuration (strategy, batch, hidden), next to its accuracy. */
    static List<Map<String, Object>> compute(ResultCells cells, ExperimentResults results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ResultCells.Row row : cells.rows()) {
            SummaryStatistics f = new SummaryStatistics(), b = new SummaryStatistics(), a = new SummaryStatistics(),
                    w = new SummaryStatistics(), e = new SummaryStatistics();
            for (int k : cells.shots()) {
                for (RunResult r : cells.runs(row.key(k))) {
                    f.addValue(r.forwardPasses());
                    b.addValue(r.backwardPasses());
                    w.addValue(r.wallMs());
                    e.addValue(r.evalMs());
                    if (!Double.isNaN(r.testAccuracy())) {
                        a.addValue(r.testAccuracy());
                    }
                }
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("strategy", row.strategy());
            c.put("batch", String.valueOf(row.batchSize()));
            c.put("hidden", String.valueOf(row.hidden()));
            c.put("others", row.others());
            c.put("runs", String.valueOf(f.getN()));
            c.put("forward", NumberText.fixed(f.getMean(), 0));
            c.put("backward", NumberText.fixed(b.getMean(), 0));
            c.put("accuracy", a.getN() == 0 ? "–" : NumberText.fixed(a.getMean(), 4));
            c.put("wallMs", NumberText.fixed(w.getMean(), 0));
            c.put("evalMs", NumberText.fixed(e.getMean(), 0));
            out.add(c);
        }
        return out;
    }

    static List<Map<String, Object>> problems(ExperimentResults results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RunResult r : results.runs()) {
            if (r.status() != RunStatus.OK || !r.warnings().isEmpty()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("runId", r.spec().runId());
                p.put("run", describe(r));
                p.put("status", r.status().key());
                p.put("stoppedAt", String.valueOf(r.stoppedAt()));
                p.put("message", r.message().isEmpty() ? String.join("; ", r.warnings()) : r.message());
                out.add(p);
            }
        }
        return out;
    }

    static Map<String, Object> provenance(ExperimentInfo info, ExperimentResults results) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("config", info.resolvedConfig());
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (PluginInfo pi : info.plugins()) {
            plugins.add(Map.of("kind", pi.kind(), "id", pi.id(), "version", pi.version(), "source", pi.source()));
        }
        p.put("plugins", plugins);
        p.put("seeds", String.valueOf(info.seeds()));
        List<Map<String, Object>> env = new ArrayList<>();
        info.environment().forEach((k, v) -> env.add(Map.of("key", k, "value", v)));
        p.put("environment", env);
        p.put("started", info.started() == null ? "" : info.started().toString());
        p.put("finished", info.finished() == null ? "(not finished)" : info.finished().toString());
        p.put("wall", info.started() == null || info.finished() == null ? ""
                : formatDuration(Duration.between(info.started(), info.finished())));
        long cpu = results.runs().stream().mapToLong(RunResult::wallMs).sum();
        p.put("runTime", formatDuration(Duration.ofMillis(cpu)));
        return p;
    }

    static String formatDuration(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s % 3600) / 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String describe(RunResult r) {
        var s = r.spec();
        return "batch " + s.batchSize() + ", hidden " + ResultCells.hidden(s) + ", " + s.shots() + "-shot, seed " + s.seed();
    }

    private static String join(double[] v, boolean percent) {
        List<String> parts = new ArrayList<>();
        for (double d : v) {
            parts.add(percent ? String.format(Locale.ROOT, "%.3f%%", d) : NumberText.plain(d));
        }
        return String.join(", ", parts);
    }
}
