package org.lrsearch.reporters;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.PluginInfo;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

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
        Map<String, Object> report = info.report() == null ? Map.of() : info.report();
        Object baseline = report.get("baseline");
        Comparisons comparisons = Comparisons.of(results, cells.strategies(), baseline == null ? null : String.valueOf(baseline));
        Map<String, Callable<Object>> sections = new LinkedHashMap<>();
        sections.put("title", () -> String.valueOf(report.getOrDefault("title", "lrsearch report: " + info.name())));
        sections.put("name", info::name);
        sections.put("configFile", info::configFile);
        sections.put("summary", () -> summary(results));
        sections.put("table1", () -> table1(cells, ReferenceTable.of(info)));
        sections.put("results", () -> ResultsTable.build(results));
        sections.put("figure2", () -> Figure2Section.panels(cells, options));
        sections.put("figure2Legend", () -> Figure2Section.legend(cells));
        sections.put("traces", () -> TraceSection.build(cells, results, options));
        sections.put("stats", () -> stats(comparisons));
        sections.put("ranking", () -> ranking(results, cells, comparisons, options));
        sections.put("compute", () -> compute(cells, results));
        sections.put("frontier", () -> ComputeFront.section(results, cells.strategies(), options));
        sections.put("profiles", () -> ProfileSection.section(ProfileSection.of(results), options));
        sections.put("tuning", () -> TuningReport.section(results, TuningReport.of(results), options));
        sections.put("problems", () -> problems(results));
        sections.put("provenance", () -> provenance(info, results));
        return Sections.inParallel(sections);
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
                c.put("ok", cells.okText(key));
                OptionalDouble rv = ref == null ? OptionalDouble.empty() : ref.get(key);
                if (rv.isPresent() && acc.getN() > 0) {
                    double d = acc.getMean() - rv.getAsDouble();
                    deltas.addValue(Math.abs(d));
                    c.put("ref", NumberText.fixed(rv.getAsDouble(), 4));
                    c.put("delta", NumberText.signed(d, 4));
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
        // Rows whose every run matches an earlier row's run for run (H1 = 0.01 = H2 when the search settles
        // on 0.01) say so, rather than read as three settings that happen to agree.
        List<String> groups = new ArrayList<>(), signatures = new ArrayList<>(), labels = new ArrayList<>();
        for (ResultCells.Row row : cells.rows()) {
            groups.add(row.batchSize() + "/" + row.hidden() + "/" + row.others());
            labels.add(row.strategy());
            StringBuilder sig = new StringBuilder();
            for (int k : cells.shots()) {
                cells.runs(row.key(k)).stream().sorted(java.util.Comparator.comparingLong(r -> r.spec().seed()))
                        .forEach(r -> sig.append(k).append('/').append(r.spec().seed()).append('=').append(r.testAccuracy()).append(';'));
            }
            signatures.add(sig.toString());
        }
        List<String> sameAs = SameAs.flags(groups, signatures, labels);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("sameAs", sameAs.get(i));
        }
        t.put("anySame", sameAs.stream().anyMatch(x -> !x.isEmpty()));
        t.put("rows", rows);
        t.put("hasReference", ref != null);
        t.put("hasOthers", cells.hasOthers());
        t.put("referenceSource", ref == null ? "" : ref.source());
        t.put("compared", String.valueOf(deltas.getN()));
        t.put("meanAbsDelta", deltas.getN() == 0 ? "" : NumberText.fixed(deltas.getMean(), 4));
        t.put("maxAbsDelta", deltas.getN() == 0 ? "" : NumberText.fixed(deltas.getMax(), 4));
        return t;
    }

    static List<Map<String, Object>> stats(Comparisons comparisons) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PairedStats p : comparisons.searchers()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("method", p.method());
            s.put("baseline", p.baseline());
            s.put("pairs", String.valueOf(p.pairs()));
            s.put("meanDiff", NumberText.signed(p.meanDiff(), 4));
            s.put("ci", Double.isNaN(p.ciLow()) ? "–" : "[" + NumberText.signed(p.ciLow(), 4) + ", " + NumberText.signed(p.ciHigh(), 4) + "]");
            s.put("wilcoxon", pValue(p.wilcoxonP()));
            s.put("holm", pValue(p.holmP()));
            s.put("ttest", pValue(p.tTestP()));
            s.put("verdict", p.verdict());
            out.add(s);
        }
        return out;
    }

    /** Strategies ranked across blocks, the Friedman test and the ranking's comparisons; empty when not computable. */
    static Map<String, Object> ranking(ExperimentResults results, ResultCells cells, Comparisons comparisons,
                                       HtmlOptions o) {
        Ranking r = Ranking.of(results, cells.strategies(), comparisons.baseline());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("present", r != null);
        if (r == null) {
            return m;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Integer[] order = new Integer[r.strategies().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(r.meanRanks()[a], r.meanRanks()[b]));
        List<String> significant = new ArrayList<>();
        for (int i : order) {
            String s = r.strategies().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", s);
            row.put("meanRank", NumberText.fixed(r.meanRanks()[i], 2));
            PairedStats vs = r.baseline() == null || s.equals(r.baseline()) ? null : comparisons.get(s, r.baseline());
            row.put("mark", s.equals(r.baseline()) ? "baseline" : vs == null ? ""
                    : vs.significant() ? "significantly " + (vs.meanDiff() > 0 ? "higher" : "lower") + " than " + r.baseline()
                    : "no significant difference from " + r.baseline());
            if (vs != null && vs.significant()) {
                significant.add(s);
            }
            rows.add(row);
        }
        m.put("rows", rows);
        RankingStats.Friedman f = r.friedman();
        m.put("blocks", String.valueOf(f.blocks()));
        m.put("strategies", String.valueOf(f.strategies()));
        m.put("friedman", friedmanText(f));
        m.put("cd", NumberText.fixed(r.criticalDifference(), 3));
        m.put("baseline", r.baseline() == null ? "" : r.baseline());
        m.put("family", String.valueOf(comparisons.size()));
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (PairedStats pr : comparisons.ranking()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("strategy", pr.method());
            row.put("baseline", pr.baseline());
            row.put("pairs", pr.nonZero() + " of " + pr.pairs());
            boolean identical = pr.nonZero() == 0;
            row.put("wilcoxon", identical ? "identical in every pair" : pValue(pr.wilcoxonP()));
            row.put("holm", identical ? "–" : pValue(pr.holmP()));
            row.put("verdict", pr.verdict());
            pairs.add(row);
        }
        m.put("pairs", pairs);
        m.put("cdChart", RanksChart.render("cd", r.strategies(), r.meanRanks(), r.baseline(), r.criticalDifference(),
                significant, o.chartWidth()));
        m.put("identical", r.identical().stream().map(g -> String.join(" = ", g)).toList());
        return m;
    }

    /**
     * The Friedman and Iman–Davenport tests in words. When every block ranks the strategies alike the
     * F statistic is infinite and, when every block ties them all, neither is computable: both say so.
     */
    static String friedmanText(RankingStats.Friedman f) {
        if (Double.isNaN(f.statistic())) {
            return "Friedman and Iman–Davenport tests: not computable, every block ties all strategies "
                    + "(no differences to rank).";
        }
        String fd = Double.isInfinite(f.imanDavenportF())
                ? "Iman–Davenport F: every block ranks the strategies in the same order (F is unbounded), p " + pText(f.imanDavenportP())
                : "Iman–Davenport F = " + NumberText.fixed(f.imanDavenportF(), 3) + ", p " + pText(f.imanDavenportP());
        return "Friedman test (ties corrected): χ² = " + NumberText.fixed(f.statistic(), 3) + ", p " + pText(f.p())
                + "; " + fd + ".";
    }

    /** "= 0.0123", or "< 0.0001". */
    static String pText(double p) {
        String v = pValue(p);
        return v.startsWith("<") ? v : "= " + v;
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
            c.put("hidden", row.hidden() == 0 ? "–" : String.valueOf(row.hidden()));
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
        return describeSetting(r) + ", seed " + s.seed();
    }

    /** The run's setting without its seed: batch, hidden size, shots and any other swept key. */
    static String describeSetting(RunResult r) {
        var s = r.spec();
        StringBuilder b = new StringBuilder("batch " + s.batchSize() + hiddenText(", hidden ", ResultCells.hidden(s)) + ", "
                + s.shots() + "-shot");
        s.sweptCoordinates().forEach((k, v) -> {
            if (!ResultCells.TABLE1_KEYS.contains(k) && !ResultCells.METHOD_KEYS.contains(k)) {
                b.append(", ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    /** A model without a hidden size (hidden 0 in the cells) gets no "hidden" label at all. */
    static String hiddenText(String prefix, int hidden) {
        return hidden == 0 ? "" : prefix + hidden;
    }
}
