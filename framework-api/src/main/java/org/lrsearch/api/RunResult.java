package org.lrsearch.api;

import java.util.List;

/**
 * What one run produced.
 *
 * @param spec           what was run
 * @param status         how it ended
 * @param message        why it failed or diverged; empty when ok
 * @param stoppedAt      iterations completed (equals {@code spec.iterations()} when ok)
 * @param testAccuracy   final test accuracy (NaN when failed)
 * @param finalTrainLoss mean loss over the k-shot set at the end
 * @param delta          the bound δ a searcher fixed, NaN for other strategies
 * @param forwardPasses  minibatch forward passes spent on training decisions
 * @param backwardPasses minibatch backward passes
 * @param wallMs         wall time of the run, milliseconds
 * @param evalMs         of which spent measuring test accuracy
 * @param curve          test accuracy every {@code evalEvery} iterations
 * @param searchRounds   every search round
 * @param lrSegments     the committed learning rate per iteration, run-length encoded
 * @param warnings       what the strategy warned about
 */
public record RunResult(RunSpec spec, RunStatus status, String message, int stoppedAt, double testAccuracy,
                        double finalTrainLoss, double delta, long forwardPasses, long backwardPasses, long wallMs,
                        long evalMs, List<CurvePoint> curve, List<SearchRound> searchRounds,
                        List<LrSegment> lrSegments, List<String> warnings) {
    public RunResult {
        curve = List.copyOf(curve);
        searchRounds = List.copyOf(searchRounds);
        lrSegments = List.copyOf(lrSegments);
        warnings = List.copyOf(warnings);
        message = message == null ? "" : message;
    }
}
