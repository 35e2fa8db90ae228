package org.lrsearch.net;

import org.lrsearch.api.Samples;

/**
 * How far the incremental evaluator's hidden pre-activations can be from the direct pass's, per
 * test image: both compute X_test·W1 in floating point, by different sums, and each sum's rounding
 * is bounded by γ_m times the sum of its terms' magnitudes (docs/EVALUATION.md §3). The bound uses
 * magnitudes fixed per k-shot set (Σ|x| of each test image, Σ_t |K_it|, max |X_train|, the largest
 * column sum of |X_train|), per run (max |W1(0)|) and per evaluation (max |A|); it comes out near
 * 1e-13 on MNIST, far below the fast sigmoid's 1e-9, so it costs nothing in recomputation.
 */
final class EvaluationBounds {
    private final SparseRows test;
    private final int nTrain;
    private final double[] kernelRowL1;
    private final double trainColumnMax;
    private final double trainMax;
    private double w0Max;
    /** The bounds of the last {@link #hiddenError} call, refilled on each (one evaluation at a time per run). */
    private final double[] e;
    /** Per test image, a bound on |z| of the last {@link #hiddenError} call's A, refilled on each. */
    private final double[] zBound;
    /** Per test image, γ of its non-zero pixels plus one (fixed by the test set). */
    private final double[] gammaNnz;

    EvaluationBounds(SparseRows test, double[][] kernel, Samples train) {
        this.test = test;
        this.nTrain = train.count();
        int n = test.count;
        kernelRowL1 = new double[n];
        e = new double[n];
        zBound = new double[n];
        gammaNnz = new double[n];
        for (int i = 0; i < n; i++) {
            gammaNnz[i] = CertifiedPredictions.gamma(test.start[i + 1] - test.start[i] + 1);
        }
        for (double[] row : kernel) {
            for (int i = 0; i < n; i++) {
                kernelRowL1[i] += Math.abs(row[i]);
            }
        }
        // Rounded up a little throughout: these sums are themselves computed in floating point.
        for (int i = 0; i < n; i++) {
            kernelRowL1[i] *= 1 + 1e-12;
        }
        int f = train.features();
        double[] colSum = new double[f];
        double max = 0;
        double[] v = train.values();
        for (int i = 0; i < v.length; i++) {
            colSum[i % f] += Math.abs(v[i]);
            max = Math.max(max, Math.abs(v[i]));
        }
        double colMax = 0;
        for (double c : colSum) {
            colMax = Math.max(colMax, c);
        }
        trainColumnMax = colMax * (1 + 1e-12);
        trainMax = max;
    }

    /**
     * Per test image, a bound on |K_it − x·x_t| for every training image t, the kernel's rounding
     * (γ_{nnz+1}·Σ|x|·max|X_train|, rounded up; the same term as in {@link #hiddenError}).
     */
    double[] kernelEntryError() {
        double[] l1 = test.l1();
        double[] e = new double[test.count];
        for (int i = 0; i < e.length; i++) {
            e[i] = gammaNnz[i] * l1[i] * trainMax * (1 + 1e-12);
        }
        return e;
    }

    /** W1(0) of the run (its largest magnitude enters every bound). */
    void origin(double[] w1) {
        double m = 0;
        for (double v : w1) {
            m = Math.max(m, Math.abs(v));
        }
        w0Max = m;
    }

    /**
     * Per test image, a bound on |z − z of the direct pass| over its hidden units, at A = {@code a};
     * each of the two ways' rounding bound counted twice. The array is reused by the next call.
     */
    double[] hiddenError(double[] a) {
        double aMax = 0;
        for (double v : a) {
            aMax = Math.max(aMax, Math.abs(v));
        }
        int n = test.count;
        // The direct pass first forms W1 = W1(0) + X_trainᵀ·A (N + 1 terms per entry), then x·W1.
        double w1Bound = w0Max + trainColumnMax * aMax;
        double deltaW = CertifiedPredictions.gamma(nTrain + 1) * w1Bound;
        double gN = CertifiedPredictions.gamma(nTrain + 2);
        double[] l1 = test.l1();
        for (int i = 0; i < n; i++) {
            double gNnz = gammaNnz[i];
            double direct = l1[i] * deltaW + gNnz * l1[i] * (w1Bound + deltaW);
            // The kernel way: z0 = x·W1(0), K_it = x·x_t, then z0 + Σ_t K_it·A_tj (N + 1 terms).
            double viaKernel = gNnz * l1[i] * w0Max + gN * (l1[i] * w0Max + kernelRowL1[i] * aMax) * (1 + gNnz)
                    + nTrain * gNnz * l1[i] * trainMax * aMax;
            e[i] = 2 * (direct + viaKernel);
            // |x·W1| ≤ Σ|x|·max|W1| for the exact W1, and the fast z is within e of it.
            zBound[i] = l1[i] * w1Bound * (1 + 1e-12) + e[i];
        }
        return e;
    }

    /** Per test image, a bound on |z| over its hidden units at the A of the last {@link #hiddenError} call. */
    double[] zBound() {
        return zBound;
    }
}
