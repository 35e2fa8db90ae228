package org.lrsearch.runner.plan;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.runner.store.ResultsStore;

/**
 * Picks each tuned strategy's winner per setting from its stored tuning runs: the feasible candidate with
 * the best mean objective over the tuning seeds (highest validation accuracy, or lowest final training
 * loss), ties to the one drawn first. A run's objective that is not a number (a diverged run whose
 * weights overflowed) counts as the worst. Test accuracy is never read. A setting whose tuning runs are not
 * all stored has no winner yet.
 */
public final class TuningWinners {
    private TuningWinners() {
    }

    /** {@link StudyRuns#key} → the winning options, for every tuned setting whose tuning is complete. */
    public static Map<String, Map<String, Object>> of(ExperimentPlan plan, List<ResultsStore.Outcome> stored) {
        Map<String, ResultsStore.Outcome> byId = new HashMap<>();
        stored.forEach(r -> byId.put(r.spec().runId(), r));
        // key → trial → objective values of its runs, and whether any run is missing.
        Map<String, Map<Integer, double[]>> sums = new LinkedHashMap<>();
        Map<String, Boolean> complete = new HashMap<>();
        for (PlannedRun r : plan.runs()) {
            if (!"tuning".equals(r.spec().coordinate("phase"))) {
                continue;
            }
            String key = StudyRuns.key(r.spec().strategy(), StudyRuns.setting(r.spec().sweptCoordinates()));
            ResultsStore.Outcome result = byId.get(r.spec().runId());
            complete.merge(key, result != null, Boolean::logicalAnd);
            if (result != null) {
                double[] s = sums.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(((Number) r.spec().coordinate("trial")).intValue(), k -> new double[2]);
                s[0] += objective(plan.tuning(), result);
                s[1]++;
            }
        }
        Map<String, Map<String, Object>> winners = new HashMap<>();
        for (ExperimentPlan.Trial t : plan.trials()) {
            String key = StudyRuns.key(t.label(), t.setting());
            if (t.infeasible() != null || !complete.getOrDefault(key, false)) {
                continue;
            }
            double mean = sums.get(key).get(t.trial())[0] / sums.get(key).get(t.trial())[1];
            Map<String, Object> best = winners.get(key);
            double bestMean = best == null ? Double.NEGATIVE_INFINITY : (Double) best.get(SCORE);
            if (best == null || mean > bestMean) {
                Map<String, Object> w = new LinkedHashMap<>(t.options());
                w.put(SCORE, mean);
                winners.put(key, w);
            }
        }
        winners.values().forEach(w -> w.remove(SCORE));
        // Every candidate refused by its plugin: the strategy runs as written.
        for (ExperimentPlan.Trial t : plan.trials()) {
            String key = StudyRuns.key(t.label(), t.setting());
            if (plan.trials().stream().filter(x -> StudyRuns.key(x.label(), x.setting()).equals(key))
                    .allMatch(x -> x.infeasible() != null)) {
                winners.put(key, new LinkedHashMap<>());
            }
        }
        return winners;
    }

    private static final String SCORE = "\u0000score";

    /** Winners as reports read them: per tuned strategy and setting, {@code strategy}, {@code setting}, {@code options}. */
    public static List<Map<String, Object>> describe(Map<String, Map<String, Object>> winners) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        new java.util.TreeMap<>(winners).forEach((key, options) -> {
            String[] parts = key.split(StudyRuns.KEY_JOIN, 2);
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("strategy", parts[0]);
            try {
                w.put("setting", org.lrsearch.runner.config.Mappers.JSON.readValue(parts[1], Map.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            w.put("options", options);
            out.add(w);
        });
        return out;
    }

    /** Higher is better: validation accuracy, or minus the final training loss; not a number is the worst. */
    static double objective(Tuning tuning, ResultsStore.Outcome r) {
        double v = tuning.objective().equals("validation-accuracy") ? r.validationAccuracy() : -r.finalTrainLoss();
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
