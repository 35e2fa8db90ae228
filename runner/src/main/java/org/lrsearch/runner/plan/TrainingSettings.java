package org.lrsearch.runner.plan;

import java.util.List;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/**
 * The {@code training} section: an options record bound and validated like any plugin's.
 *
 * @param iterations       SGD steps per run
 * @param batchSize        examples per minibatch
 * @param evalEvery        test accuracy every this many iterations (and always at the end)
 * @param sampling         {@code with-replacement} (docs/METHOD.md §1) or {@code epochs}
 * @param divergenceFactor a run diverges when its minibatch loss exceeds this times its initial loss
 */
public record TrainingSettings(
        @Option(description = "SGD iterations per run", defaultValue = "10000") Integer iterations,
        @Option(description = "minibatch size", defaultValue = "2") Integer batchSize,
        @Option(description = "test accuracy every this many iterations (and at the end)",
                defaultValue = "iterations") Integer evalEvery,
        @Option(description = "with-replacement (a batch drawn uniformly with replacement each iteration) or epochs "
                + "(shuffle, then consecutive batches)", defaultValue = "with-replacement") String sampling,
        @Option(description = "a run stops as diverged when its minibatch loss exceeds this times its initial loss",
                defaultValue = "4") Double divergenceFactor) {

    public static final List<String> SAMPLINGS = List.of("with-replacement", "epochs");

    public TrainingSettings {
        iterations = iterations == null ? 10_000 : iterations;
        batchSize = batchSize == null ? 2 : batchSize;
        evalEvery = evalEvery == null ? iterations : evalEvery;
        sampling = sampling == null ? "with-replacement" : sampling;
        divergenceFactor = divergenceFactor == null ? 4.0 : divergenceFactor;
        InvalidOptionException.require(iterations >= 1 && iterations <= 100_000_000, "iterations", iterations,
                "must be between 1 and 100000000");
        InvalidOptionException.require(batchSize >= 1 && batchSize <= 1_000_000, "batchSize", batchSize,
                "must be between 1 and 1000000");
        InvalidOptionException.require(evalEvery >= 1, "evalEvery", evalEvery, "must be between 1 and " + Integer.MAX_VALUE);
        InvalidOptionException.require(SAMPLINGS.contains(sampling), "sampling", sampling,
                "must be one of: " + String.join(", ", SAMPLINGS));
        InvalidOptionException.require(divergenceFactor > 1 && !divergenceFactor.isInfinite(), "divergenceFactor",
                divergenceFactor, "must be a finite number > 1");
    }
}
