package org.lrsearch.net;

/**
 * The output layer of {@link IncrementalTestEvaluator} at speed, without giving up exactness: from
 * the hidden pre-activations it takes a sigmoid that the JIT vectorises (error at most
 * {@link #SIGMOID_ERROR}) and a vectorised output layer, bounds how far each image's logits can be
 * from those of the direct double-precision evaluation ({@code evaluator: jvm}), and accepts the
 * fast arg-max only where the top two logits are further apart than twice that bound. Every other
 * image is recomputed exactly as the direct evaluation does. So each prediction, hence every
 * accuracy, is the direct evaluation's. The argument is written out in docs/EVALUATION.md.
 */
final class CertifiedPredictions {
    /** Images per block: the block's hidden units and logits stay in L1 and the inner loops are long enough to vectorise. */
    static final int BLOCK = 256;
    /**
     * A bound on |{@link #sigmoid} − σ| for every input: the series' truncation and rounding give
     * about 1.3e-10 (docs/EVALUATION.md §2); this keeps a factor of more than 7 in hand.
     */
    static final double SIGMOID_ERROR = 1e-9;
    static final double U = 0x1p-53;
    /** Beyond ±60 the sigmoid is 0 or 1 to within e^-60 (< 1e-26): inputs are clamped there. */
    private static final double CLAMP = 60;

    private CertifiedPredictions() {
    }

    /** The exact (direct evaluation's) prediction for one image, asked for only where the fast one is not certain. */
    interface Exact {
        int argmax(int image);
    }

    /** Sees each image's fast logits and their bound B (tests check |fast − direct| ≤ B image by image). */
    interface Witness {
        void logits(int image, double[][] logit, int row, double bound);
    }

    /** Tests only: told every image's fast logits and bound; null in real runs. */
    static Witness witness;

    /** γ_m = m·u/(1 − m·u), the relative error bound of m roundings (Higham), for m·u well below 1. */
    static double gamma(int m) {
        return m * U / (1 - m * U);
    }

    /**
     * σ(v + b1) = 1/(1 + e^−(v + b1)) in place over {@code v[0..m)} (b1: a hidden unit's bias, added
     * here so that no other pass over the block is needed): e^−x as (e^y)^1024 with y = −x/1024 (exact,
     * |y| ≤ 60/1024 after clamping) and e^y from its Taylor polynomial of degree 6, evaluated in
     * Estrin's form, so only additions, multiplications and one division. One loop whose chains are
     * short, over one array: the JIT vectorises it (1.4 ns per element here; Horner's long chain of
     * multiply-adds ran at scalar speed, 3 ns, and Math.exp is a call per element; reading and writing
     * two arrays, which it cannot tell apart, it left scalar).
     */
    static void sigmoid(double[] v, double b1, int m) {
        for (int i = 0; i < m; i++) {
            double y = Math.max(-CLAMP, Math.min(CLAMP, v[i] + b1)) * (-1.0 / 1024);
            double y2 = y * y;
            double e = ((1.0 + y) + y2 * (0.5 + y * (1.0 / 6))) + (y2 * y2) * ((1.0 / 24 + y * (1.0 / 120)) + y2 * (1.0 / 720));
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            e *= e;
            v[i] = 1.0 / (1.0 + e);
        }
    }

    /**
     * Predicted classes of {@code n} images.
     *
     * @param z      hidden pre-activations without b1, one row per hidden unit over the images
     * @param zError per image, a bound on |z − z of the direct evaluation| over its hidden units
     * @param zBound per image, a bound on |z| over its hidden units
     * @param pred   receives each image's predicted class
     * @return how many images were recomputed exactly
     */
    static int predict(ParameterLayout l, double[] theta, double[][] z, double[] zError, double[] zBound, int n, Exact exact,
                       int[] pred) {
        int h = l.hidden(), out = l.out();
        double wMax = 0, b2Max = 0, b1Max = 0;
        for (int k = 0; k < out; k++) {
            double s = 0;
            for (int j = 0; j < h; j++) {
                s += Math.abs(theta[l.w2() + j * out + k]);
            }
            wMax = Math.max(wMax, s);
            b2Max = Math.max(b2Max, Math.abs(theta[l.b2() + k]));
        }
        for (int j = 0; j < h; j++) {
            b1Max = Math.max(b1Max, Math.abs(theta[l.b1() + j]));
        }
        // Both output sums (h products and b2) round; hidden values lie in [0, 1] up to the sigmoid's error.
        double outputRounding = 2 * gamma(h + 2) * 1.01 * (wMax + b2Max);
        // Per block, hidden values and logits one array per unit and class: every inner loop indexes
        // its arrays alike, which is what lets the JIT vectorise it.
        double[][] s = new double[h][BLOCK];
        double[][] logit = new double[out][BLOCK];
        double[] first = new double[BLOCK];
        double[] second = new double[BLOCK];
        int[] top = new int[BLOCK];
        int recomputed = 0;
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int m = Math.min(BLOCK, n - i0);
            for (int j = 0; j < h; j++) {
                System.arraycopy(z[j], i0, s[j], 0, m);
                sigmoid(s[j], theta[l.b1() + j], m);
            }
            for (int k = 0; k < out; k++) {
                double[] lk = logit[k];
                java.util.Arrays.fill(lk, 0, m, theta[l.b2() + k]);
                for (int j = 0; j < h; j++) {
                    double w = theta[l.w2() + j * out + k];
                    double[] sj = s[j];
                    for (int r = 0; r < m; r++) {
                        lk[r] += w * sj[r];
                    }
                }
            }
            // The top two logits per image, branch-free so that the loops vectorise.
            java.util.Arrays.fill(first, 0, m, Double.NEGATIVE_INFINITY);
            java.util.Arrays.fill(second, 0, m, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < out; k++) {
                double[] lk = logit[k];
                for (int r = 0; r < m; r++) {
                    double x = lk[r];
                    second[r] = Math.max(second[r], Math.min(first[r], x));
                    first[r] = Math.max(first[r], x);
                }
            }
            // Which class is the first to reach the maximum, classes last to first, with no branch to
            // mispredict (a search per image cost a seventh of the evaluation).
            for (int k = out - 1; k >= 0; k--) {
                double[] lk = logit[k];
                for (int r = 0; r < m; r++) {
                    top[r] = lk[r] == first[r] ? k : top[r];
                }
            }
            for (int r = 0; r < m; r++) {
                int i = i0 + r;
                // How far each hidden value can be from the direct evaluation's: its input's distance
                // (z, plus the rounding of adding b1 on either side) through σ's slope of at most 1/4,
                // the fast sigmoid's error, and the direct sigmoid's own rounding (exp, add, divide).
                double hidden = (zError[i] + 2 * U * (zBound[i] + zError[i] + b1Max)) / 4 + SIGMOID_ERROR + 4 * U;
                double bound = wMax * hidden + outputRounding;
                if (witness != null) {
                    witness.logits(i, logit, r, bound);
                }
                if (first[r] - second[r] > 2 * bound) {
                    pred[i] = top[r];
                } else {
                    pred[i] = exact.argmax(i);
                    recomputed++;
                }
            }
        }
        return recomputed;
    }
}
