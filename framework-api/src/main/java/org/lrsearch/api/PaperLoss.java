package org.lrsearch.api;

import java.util.function.IntUnaryOperator;

/**
 * The paper's loss on a block of class scores, for model plugins: softmax, then the mean over the block of
 * −log(p[label] + 1e-7) (docs/METHOD.md §1). Shared so that every model computes it in the same order and
 * agrees with the others to the last bit where their scores do.
 *
 * @since 0.3
 */
public final class PaperLoss {
    /** The guard inside the log; the gradient (p − onehot)/|B| leaves it out, as the paper's reference does. */
    public static final double LOG_GUARD = 1e-7;

    private PaperLoss() {
    }

    /**
     * Replaces each row's scores by their softmax, in place, and returns the mean loss.
     *
     * @param scores  {@code count} rows of {@code classes} scores, row-major
     * @param label   the class of row {@code b}
     */
    public static double softmaxMean(double[] scores, int count, int classes, IntUnaryOperator label) {
        double sumLog = 0;
        for (int b = 0; b < count; b++) {
            int bo = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, scores[bo + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double e = Math.exp(scores[bo + k] - max);
                scores[bo + k] = e;
                sum += e;
            }
            for (int k = 0; k < classes; k++) {
                scores[bo + k] /= sum;
            }
            sumLog += Math.log(scores[bo + label.applyAsInt(b)] + LOG_GUARD);
        }
        return -(sumLog / count);
    }
}
