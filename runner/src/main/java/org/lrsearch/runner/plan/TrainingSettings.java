package org.lrsearch.runner.plan;

import java.util.List;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/**
 * The {@code training} section: an options record bound and validated like any plugin's.
 *
 * @param iterations       SGD steps per run
 * @param batchSize        examples per minibatch
 * @param evalEvery        test accuracy every this many iterations, or {@code epoch}: once per epoch by
 *                         the rule of the book the paper's training loop comes from (see {@link #evaluatesAfter});
 *                         always at the end too
 * @param sampling         {@code with-replacement} (docs/METHOD.md §1) or {@code epochs}
 * @param divergenceFactor a run diverges when its minibatch loss exceeds this times its initial loss
 */
public record TrainingSettings(
        @Option(description = "SGD iterations per run", defaultValue = "10000") Integer iterations,
        @Option(description = "minibatch size", defaultValue = "2") Integer batchSize,
        @Option(description = "test accuracy every this many iterations, or epoch: after the update of iteration "
                + "i (from 0) when batchSize >= n or n divides i*batchSize (n: training set size); always at the end too",
                defaultValue = "iterations") Object evalEvery,
        @Option(description = "with-replacement (a batch drawn uniformly with replacement each iteration) or epochs "
                + "(shuffle, then consecutive batches)", defaultValue = "with-replacement") String sampling,
        @Option(description = "a run stops as diverged when its minibatch loss exceeds this times its initial loss",
                defaultValue = "4") Double divergenceFactor) {

    public static final List<String> SAMPLINGS = List.of("with-replacement", "epochs");
    /** {@code evalEvery: epoch}. */
    public static final String EPOCH = "epoch";

    public TrainingSettings {
        // The default, "iterations": once, at the end.
        evalEvery = "iterations".equals(evalEvery) ? (Object) iterations : evalEvery;
        InvalidOptionException.require(iterations >= 1 && iterations <= 100_000_000, "iterations", iterations,
                "must be between 1 and 100000000");
        InvalidOptionException.require(batchSize >= 1 && batchSize <= 1_000_000, "batchSize", batchSize,
                "must be between 1 and 1000000");
        // A whole number stays an Integer (so run ids of numeric schedules do not change), or "epoch".
        if (evalEvery instanceof Number num && (num instanceof Integer || num instanceof Long) && num.longValue() >= 1
                && num.longValue() <= Integer.MAX_VALUE) {
            evalEvery = num.intValue();
        } else {
            InvalidOptionException.require(EPOCH.equals(evalEvery), "evalEvery", evalEvery,
                    "must be a whole number between 1 and " + Integer.MAX_VALUE + ", or epoch");
        }
        InvalidOptionException.require(SAMPLINGS.contains(sampling), "sampling", sampling,
                "must be one of: " + String.join(", ", SAMPLINGS));
        InvalidOptionException.require(divergenceFactor > 1 && !divergenceFactor.isInfinite(), "divergenceFactor",
                divergenceFactor, "must be a finite number > 1");
    }

    /** Whether test accuracy is measured once per epoch ({@code evalEvery: epoch}). */
    public boolean perEpoch() {
        return EPOCH.equals(evalEvery);
    }

    /** The interval in iterations, or {@link org.lrsearch.api.RunSpec#EVERY_EPOCH} (0) per epoch. */
    public int interval() {
        return perEpoch() ? org.lrsearch.api.RunSpec.EVERY_EPOCH : (Integer) evalEvery;
    }

    /**
     * The book's rule ({@code iter_per_epoch = max(train_size / batch_size, 1)}, then an evaluation
     * after the update of iteration i when {@code i % iter_per_epoch == 0}), in exact integers: the
     * quotient is a float in Python 3, and i is a multiple of n/b exactly when n divides i·b.
     *
     * @param i 0-based iteration whose update was just done
     * @param n the training set's size
     * @param b the batch size
     */
    public static boolean evaluatesAfter(int i, int n, int b) {
        return b >= n || ((long) i * b) % n == 0;
    }
}
