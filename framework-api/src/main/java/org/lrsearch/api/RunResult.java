package org.lrsearch.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run produced.
 *
 * @param spec           what was run
 * @param status         how it ended
 * @param message        why it failed or diverged; empty when ok
 * @param stoppedAt      iterations completed (equals {@code spec.iterations()} when ok)
 * @param testAccuracy   final test accuracy (NaN when failed)
 * @param finalTrainLoss mean loss over the k-shot set at the end
 * @param results        what the strategy settled on, in its own terms ({@link LrStrategy#results()},
 *                       e.g. {@code delta} for a searcher's bound)
 * @param forwardPasses  minibatch forward passes spent on training decisions
 * @param backwardPasses minibatch backward passes
 * @param wallMs         wall time of the run, milliseconds
 * @param evalMs         of which spent measuring test accuracy
 * @param curve          test accuracy every {@code evalEvery} iterations
 * @param events         what the strategy recorded, in order ({@link TraceSink#event})
 * @param lrSegments     the committed learning rate per iteration, run-length encoded
 * @param scalars        the named numbers the strategy recorded per iteration ({@link TraceSink#scalar})
 * @param warnings       what the strategy warned about
 * @param validationAccuracy accuracy on the task's validation set at the end (at the optimizer's evaluation
 *                       point), NaN without one ({@code dataset.validation}); what tuning chooses by
 * @since 0.1
 */
public record RunResult(RunSpec spec, RunStatus status, String message, int stoppedAt, double testAccuracy,
                        double finalTrainLoss, Map<String, Double> results, long forwardPasses, long backwardPasses,
                        long wallMs, long evalMs, List<CurvePoint> curve, List<TraceEvent> events,
                        List<LrSegment> lrSegments, List<ScalarSeries> scalars, List<String> warnings,
                        double validationAccuracy) {
    /** A result without a validation set. */
    public RunResult(RunSpec spec, RunStatus status, String message, int stoppedAt, double testAccuracy,
                     double finalTrainLoss, Map<String, Double> results, long forwardPasses, long backwardPasses,
                     long wallMs, long evalMs, List<CurvePoint> curve, List<TraceEvent> events,
                     List<LrSegment> lrSegments, List<ScalarSeries> scalars, List<String> warnings) {
        this(spec, status, message, stoppedAt, testAccuracy, finalTrainLoss, results, forwardPasses, backwardPasses,
                wallMs, evalMs, curve, events, lrSegments, scalars, warnings, Double.NaN);
    }

    public RunResult {
        // Most runs report no results (fixed rates): they share the empty map.
        results = results.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(results));
        curve = StoredList.keepOrCopy(curve);
        events = StoredList.keepOrCopy(events);
        lrSegments = StoredList.keepOrCopy(lrSegments);
        scalars = StoredList.keepOrCopy(scalars);
        warnings = List.copyOf(warnings);
        message = message == null ? "" : message;
    }

    /** A strategy result by name, NaN when the strategy reported none. */
    public double result(String name) {
        Double v = results.get(name);
        return v == null ? Double.NaN : v;
    }
}
