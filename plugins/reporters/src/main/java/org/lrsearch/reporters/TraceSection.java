package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.TraceEvent;

/** The report's LR-trace section: every strategy's committed rate, its decisions and recorded scalars; δ per searcher run. */
final class TraceSection {
    private TraceSection() {
    }

    /**
     * LR traces: for the first run of every strategy label, its committed rate (with its decisions
     * marked), the rounds of a proposal search, and a chart per scalar the strategy recorded; then δ of
     * every searcher run.
     */
    static Map<String, Object> build(ResultCells cells, ExperimentResults results, HtmlOptions o) {
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
            // Every seed of the first run's setting: the chart shows their median and range.
            List<RunResult> seeds = ordered.stream().filter(r -> r.spec().strategy().equals(strategy)
                    && r.spec().coordinates().equals(first.spec().coordinates())).toList();
            List<double[]> marks = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Map<String, Object>> rounds = new ArrayList<>();
            Map<Integer, List<String>> perIteration = new java.util.TreeMap<>();
            for (TraceEvent s : rounds(first)) {
                String decision = String.valueOf(s.payload().get("case"));
                perIteration.computeIfAbsent(s.iteration(), k -> new ArrayList<>()).add(
                        Double.isNaN(s.number("delta")) ? decision : "δ=" + NumberText.plain(s.number("delta")));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("iteration", String.valueOf(s.iteration() + 1));
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
            // Iterations are numbered from 1 here as on every axis and in every table of the report.
            perIteration.forEach((it, names) -> {
                marks.add(new double[] {it + 1});
                labels.add("it " + (it + 1) + ": " + String.join(", ", names));
            });
            int last = seeds.stream().flatMap(r -> r.lrSegments().stream()).mapToInt(LrSegment::to).max().orElse(0);
            int buckets = Math.max(50, o.chartWidth() / 2);
            List<int[]> its = new ArrayList<>();
            List<double[]> lrs = new ArrayList<>();
            for (RunResult r : seeds) {
                its.add(SeedBands.range(last));
                lrs.add(SeedBands.perIteration(r.lrSegments(), last));
            }
            String setting = ReportModel.describeSetting(first) + ", " + seeds.size() + (seeds.size() == 1 ? " seed" : " seeds");
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("strategy", strategy);
            c.put("run", setting);
            c.put("runId", first.spec().runId());
            c.put("svg", Charts.lrTrace("lr-" + id++, "LR " + strategy + ": " + setting, SeedBands.of(its, lrs, last, buckets, true),
                    seeds.size() > 1, marks, labels, o.chartWidth(), o.chartHeight()));
            c.put("rounds", rounds);
            List<String> scalarCharts = new ArrayList<>();
            for (var sc : first.scalars()) {
                List<int[]> sIts = new ArrayList<>();
                List<double[]> sVals = new ArrayList<>();
                for (RunResult r : seeds) {
                    r.scalars().stream().filter(x -> x.name().equals(sc.name())).findFirst().ifPresent(x -> {
                        sIts.add(x.iterations());
                        sVals.add(x.values());
                    });
                }
                scalarCharts.add(Charts.scalar("sc-" + id++, strategy + ": " + sc.name(), sc.name(),
                        SeedBands.of(sIts, sVals, last, buckets, false), seeds.size() > 1, o.chartWidth(), o.chartHeight() * 3 / 4));
            }
            c.put("scalars", scalarCharts);
            charts.add(c);
        }
        // Runs that reached the same δ the same way are one row: 60 searcher runs are a handful of outcomes.
        Map<List<String>, List<RunResult>> outcomes = new LinkedHashMap<>();
        for (RunResult r : searchers) {
            List<TraceEvent> rs = rounds(r);
            outcomes.computeIfAbsent(List.of(r.spec().strategy(), NumberText.plain(r.result("delta")),
                    String.valueOf(rs.stream().filter(s -> "shrink".equals(s.payload().get("case"))).count()),
                    String.valueOf(rs.get(rs.size() - 1).iteration() + 1),
                    String.valueOf(rs.get(rs.size() - 1).payload().get("case"))), k -> new ArrayList<>()).add(r);
        }
        outcomes.forEach((key, runs) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("strategy", key.get(0));
            // A search that hit maxShrinks took its smallest proposal: say so, it is not a bound the rule found.
            d.put("delta", key.get(4).equals("giveUp") ? key.get(1) + " (gave up after maxShrinks: not a bound)" : key.get(1));
            d.put("shrinks", key.get(2));
            d.put("searchIterations", key.get(3));
            d.put("runCount", String.valueOf(runs.size()));
            d.put("runs", runs.stream().map(r -> r.spec().runId() + " (" + ReportModel.describe(r) + ")").toList());
            java.util.DoubleSummaryStatistics share = runs.stream().mapToDouble(TraceSection::share)
                    .filter(v -> !Double.isNaN(v)).summaryStatistics();
            d.put("selectedDelta", share.getCount() == 0 ? "" : share.getMin() == share.getMax() ? percent(share.getMin())
                    : percent(share.getMin()) + "–" + percent(share.getMax()));
            deltas.add(d);
        });
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("charts", charts);
        t.put("deltas", deltas);
        return t;
    }

    /** The rounds of a proposal search ({@code searchRound} trace events), in order; empty for other strategies. */
    static List<TraceEvent> rounds(RunResult r) {
        return r.events().stream().filter(e -> e.type().equals("searchRound")).toList();
    }

    /** Share of selector iterations that committed δ itself (rather than a fraction of it); NaN without δ. */
    private static double share(RunResult r) {
        double delta = r.result("delta");
        if (Double.isNaN(delta)) {
            return Double.NaN;
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
        return total == 0 ? Double.NaN : 100.0 * atDelta / total;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String join(double[] v, boolean percent) {
        List<String> parts = new ArrayList<>();
        for (double d : v) {
            parts.add(percent ? String.format(Locale.ROOT, "%.3f%%", d) : NumberText.plain(d));
        }
        return String.join(", ", parts);
    }
}
