package org.lrsearch.reporters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.PluginInfo;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.TraceEvent;

/** Fixed, seeded stand-in results: two settings, batch 2 and 4, hidden 20, 1-2 shots, two seeds. */
final class StubResults {
    private StubResults() {
    }

    static Path reference() {
        try {
            return Path.of(StubResults.class.getResource("/reference.csv").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proposal search's round as the h-proposal-search strategy records it. */
    static TraceEvent round(int iteration, String decision, double[] h, double[] g, double delta) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("case", decision);
        p.put("H", h);
        p.put("G", g);
        p.put("delta", delta);
        return new TraceEvent(iteration, "searchRound", p);
    }

    static ExperimentResults results(String methodLabel) {
        List<RunResult> runs = new ArrayList<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (String strategy : List.of("0.1", methodLabel)) {
            boolean search = !strategy.equals("0.1");
            for (int batch : new int[] {2, 4}) {
                for (int shots = 1; shots <= 2; shots++) {
                    for (long seed = 0; seed < 2; seed++) {
                        double acc = Math.round((0.5 + 0.05 * shots + 0.01 * rng.nextDouble()) * 10000) / 10000.0;
                        RunSpec spec = new RunSpec(String.format("%s%d%d%d", search ? "m" : "b", batch, shots, seed),
                                "mnist", "two-layer-net", batch, shots, "first", strategy,
                                search ? "h-proposal-search" : "fixed", seed, 300, 100,
                                Map.of("strategy", strategy, "training.batchSize", batch, "dataset.shots", shots,
                                        "model.hidden", 20, "dataset.selection", "first"),
                                List.of("strategy", "training.batchSize", "dataset.shots"));
                        // Points with epoch and training accuracy, and one without (as numeric schedules read from old stores).
                        double epochsPer100 = 100.0 * batch / (10 * shots);
                        List<CurvePoint> curve = List.of(new CurvePoint(100, acc - 0.2, 0.01, epochsPer100, 0.7),
                                new CurvePoint(200, acc - 0.05, 0.01, 2 * epochsPer100, 0.95), new CurvePoint(300, acc, 0.01));
                        List<TraceEvent> rounds = search ? List.of(
                                round(0, "shrink", new double[] {0.01, 0.1, 1}, new double[] {5.1, 17.6, 18.2}, Double.NaN),
                                round(0, "stepSmallest", new double[] {0.001, 0.01, 0.1}, new double[] {1.6, 5.1, 7.6}, Double.NaN),
                                round(1, "bound", new double[] {0.001, 0.01, 0.1}, new double[] {0.1, 0.5, 2.4}, 0.1))
                                : List.of();
                        List<LrSegment> segs = search ? List.of(new LrSegment(0, 0, 0.001), new LrSegment(1, 150, 0.1),
                                new LrSegment(151, 151, 0.05), new LrSegment(152, 299, 0.1)) : List.of(new LrSegment(0, 299, 0.1));
                        runs.add(new RunResult(spec, RunStatus.OK, "", 300, acc, 0.25 + 0.001 * shots,
                                search ? Map.of("delta", 0.1) : Map.of(), search ? 909 : 300, search ? 309 : 300, 120, 100,
                                curve, rounds, segs, List.of(), List.of()));
                    }
                }
            }
        }
        Map<String, Map<String, Object>> strategies = new LinkedHashMap<>();
        strategies.put("0.1", Map.of("plugin", "fixed", "lr", 0.1));
        strategies.put(methodLabel, Map.of("plugin", "h-proposal-search"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "StubResults report for " + methodLabel);
        report.put("reference", reference().toString());
        ExperimentInfo info = new ExperimentInfo("stub", "/experiments/stub.yaml", "name: stub\n", strategies, report,
                List.of(new PluginInfo("strategy", "fixed", "1.0", "lr-strategies.jar")), List.of(0L, 1L),
                Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:06:07Z"), Map.of("java", "17"));
        return new ExperimentResults(info, runs);
    }
}
