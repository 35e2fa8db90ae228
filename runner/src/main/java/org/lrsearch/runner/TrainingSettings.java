package org.lrsearch.runner;

/**
 * The {@code training} section, validated.
 *
 * @param iterations       SGD steps per run
 * @param batchSize        examples per minibatch
 * @param evalEvery        test accuracy every this many iterations (and always at the end)
 * @param sampling         {@code with-replacement} (ALGORITHM.md §1) or {@code epochs}
 * @param divergenceFactor a run diverges when its minibatch loss exceeds this times its initial loss
 */
public record TrainingSettings(int iterations, int batchSize, int evalEvery, String sampling, double divergenceFactor) {
    static final java.util.List<String> KEYS = java.util.List.of("iterations", "batchSize", "evalEvery", "sampling",
            "divergenceFactor");
    static final java.util.List<String> SAMPLINGS = java.util.List.of("with-replacement", "epochs");
}
