package org.lrsearch.net;

import org.lrsearch.api.FewShotTask;

/**
 * Whether a run evaluates its test set through the {@link IncrementalTestEvaluator} or by direct
 * passes, decided on the first evaluation from the number the run will do
 * ({@link IncrementalTestEvaluator#paysOff}). Both give the same predictions, so the choice moves
 * only the cost.
 */
final class EvaluatorChoice {
    private final ParameterLayout l;
    private final FewShotTask task;
    private final SparseRows trainRows;
    private boolean wanted;
    private int expected = Integer.MAX_VALUE;
    private IncrementalTestEvaluator incremental;
    private boolean decided;

    /** @param trainRows the k-shot set as the net holds it (its non-zeros enter the cost of a direct pass) */
    EvaluatorChoice(ParameterLayout l, FewShotTask task, SparseRows trainRows, boolean wanted) {
        this.l = l;
        this.task = task;
        this.trainRows = trainRows;
        this.wanted = wanted;
    }

    void expect(int evaluations) {
        expected = evaluations;
    }

    /**
     * θ moves by arbitrary updates from now on (an optimizer other than plain SGD): W1 leaves the
     * low-rank form at every commit, so an incremental evaluator would rebuild X_test·W1(0) each time,
     * the cost of a direct pass. Direct passes from here on.
     */
    void dense() {
        wanted = false;
        incremental = null;
        decided = true;
    }

    /** θ was replaced and W1(0) is now {@code origin}. */
    void reset(double[] origin) {
        if (incremental != null) {
            incremental.reset(origin);
        }
    }

    /** The incremental evaluator (built now, from W1(0) = {@code origin}, if it is the choice), or null. */
    IncrementalTestEvaluator evaluator(double[] origin) {
        if (!decided) {
            decided = true;
            if (wanted && SharedProducts.paysOff(l, task.test(), task.train(), trainRows, origin, expected)) {
                incremental = new IncrementalTestEvaluator(l, task.test(), task.train(), expected > 1);
                incremental.reset(origin);
            }
        }
        return incremental;
    }
}
