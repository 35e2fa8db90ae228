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

    /**
     * Sees each image's fast logits ({@code logit[k][column]}) and their bound B (tests check
     * |fast − direct| ≤ B image by image).
     */
    interface Witness {
        /** @param column where the image's logits are in {@code logit} (its place in the block of images computed) */
        void logits(int image, double[][] logit, int column, double bound);
    }

    /** Tests only: told every image's fast logits and bound; null in real runs. */
    static Witness witness;

    /** γ_m = m·u/(1 − m·u), the relative error bound of m roundings (Higham), for m·u well below 1. */
    static double gamma(int m) {
        return m * U / (1 - m * U);
    }

    /**
     * σ(v + b1) = 1/(1 + e^−(v + b1)) in place over {@code v[from..to)} (b1: a hidden unit's bias, added
     * here so that no other pass over the block is needed): e^−x as (e^y)^1024 with y = −x/1024 (exact,
     * |y| ≤ 60/1024 after clamping) and e^y from its Taylor polynomial of degree 6, evaluated in
     * Estrin's form, so only additions, multiplications and one division. One loop whose chains are
     * short, over one array: the JIT vectorises it (1.4 ns per element here; Horner's long chain of
     * multiply-adds ran at scalar speed, 3 ns, and Math.exp is a call per element; reading one array and
     * writing another at a different offset, it left scalar).
     */
    static void sigmoid(double[] v, double b1, int from, int to) {
        for (int i = from; i < to; i++) {
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
     * The fast path's arrays, one per class over all test images, kept by an evaluator and refilled by
     * each evaluation: indexed by image like Z, so that every loop reads and writes its arrays at the
     * same index, which is what lets the JIT vectorise it.
     */
    static final class Work {
        final double[][] logit;
        final double[] first;
        final double[] second;
        final double[] top;
        /**
         * Per image, what its certificate leaves in hand: the top two logits' gap less 4B where the fast
         * prediction was taken (what {@link CarriedCertificates} may spend), −∞ where it was recomputed.
         */
        final double[] slack;

        Work(int out, int n) {
            logit = new double[out][n];
            first = new double[n];
            second = new double[n];
            top = new double[n];
            slack = new double[n];
        }
    }

    /**
     * A margin under which no image is certified, whatever its bound: above it, every class but the top
     * one is at least this far below the top logit, which is what {@link #topClasses} relies on.
     */
    static final double TIE = 0x1p-900;

    /**
     * The magnitudes of θ that every image's bound B is made of, taken once per evaluation.
     *
     * @param wMax           max over classes of Σ_j |W2[j][k]|, rounded up
     * @param outputRounding both output sums' rounding (h products and b2, hidden values in [0, 1])
     */
    record Scales(double wMax, double b1Max, double b2Max, double outputRounding) {
        static Scales of(ParameterLayout l, double[] theta) {
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
            wMax *= 1 + gamma(h + 1);
            // Both output sums (h products and b2) round; hidden values lie in [0, 1] up to the sigmoid's error.
            return new Scales(wMax, b1Max, b2Max, 2 * gamma(h + 2) * 1.01 * (wMax + b2Max));
        }
    }

    /**
     * B: a bound on |fast logit − direct logit| for an image whose hidden pre-activations are within
     * {@code zError} of the direct pass's and at most {@code zBound} in magnitude. It also bounds the
     * direct logits' own distance from the exact ones (docs/EVALUATION.md §6).
     */
    static double bound(double zError, double zBound, Scales sc) {
        // How far each hidden value can be from the direct evaluation's: its input's distance
        // (z, plus the rounding of adding b1 on either side) through σ's slope of at most 1/4,
        // the fast sigmoid's error, and the direct sigmoid's own rounding (exp, add, divide).
        double hidden = (zError + 2 * U * (zBound + zError + sc.b1Max())) / 4 + SIGMOID_ERROR + 4 * U;
        return sc.wMax() * hidden + sc.outputRounding();
    }

    /**
     * Predicted classes of {@code n} images.
     *
     * @param z      hidden pre-activations without b1, one row per hidden unit over the images;
     *               overwritten with the hidden values
     * @param zError per image, a bound on |z − z of the direct evaluation| over its hidden units
     * @param zBound per image, a bound on |z| over its hidden units
     * @param images which test image each column is (null: column i is image i)
     * @param pred   receives each image's predicted class, by column
     * @return how many images were recomputed exactly; {@code w.slack} holds each column's slack
     */
    static int predict(ParameterLayout l, double[] theta, Scales sc, double[][] z, double[] zError, double[] zBound,
                       int n, int[] images, Exact exact, int[] pred, Work w) {
        int h = l.hidden();
        double[] first = w.first, second = w.second, top = w.top, slack = w.slack;
        int recomputed = 0;
        // Block by block, so that a block's hidden values and logits stay in L1 from one pass to the next.
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(n, i0 + BLOCK);
            for (int j = 0; j < h; j++) {
                sigmoid(z[j], theta[l.b1() + j], i0, i1);
            }
            outputLayer(l, theta, z, w.logit, i0, i1);
            topTwo(w.logit, first, second, i0, i1);
            topClasses(w.logit, first, top, i0, i1);
            for (int i = i0; i < i1; i++) {
                double bound = bound(zError[i], zBound[i], sc);
                int image = images == null ? i : images[i];
                if (witness != null) {
                    witness.logits(image, w.logit, i, bound);
                }
                double gap = first[i] - second[i];
                if (gap > Math.max(2 * bound, TIE)) {
                    pred[i] = (int) top[i];
                    slack[i] = gap - 4 * bound;
                } else {
                    pred[i] = exact.argmax(image);
                    slack[i] = Double.NEGATIVE_INFINITY;
                    recomputed++;
                }
            }
        }
        return recomputed;
    }

    /**
     * The logits of images [i0, i1): b2, then four products per pass, so each logit is loaded and
     * stored once per four hidden units (the order of the sums is free: the bound does not depend on it).
     */
    private static void outputLayer(ParameterLayout l, double[] theta, double[][] s, double[][] logit, int i0, int i1) {
        int h = l.hidden(), out = l.out(), w2 = l.w2();
        for (int k = 0; k < out; k++) {
            double[] lk = logit[k];
            java.util.Arrays.fill(lk, i0, i1, theta[l.b2() + k]);
            int j = 0;
            for (; j + 4 <= h; j += 4) {
                double w0 = theta[w2 + j * out + k], w1 = theta[w2 + (j + 1) * out + k];
                double w2j = theta[w2 + (j + 2) * out + k], w3 = theta[w2 + (j + 3) * out + k];
                double[] s0 = s[j], s1 = s[j + 1], s2 = s[j + 2], s3 = s[j + 3];
                for (int i = i0; i < i1; i++) {
                    lk[i] = (((lk[i] + w0 * s0[i]) + w1 * s1[i]) + w2j * s2[i]) + w3 * s3[i];
                }
            }
            for (; j < h; j++) {
                double wj = theta[w2 + j * out + k];
                double[] sj = s[j];
                for (int i = i0; i < i1; i++) {
                    lk[i] += wj * sj[i];
                }
            }
        }
    }

    /** The largest and second largest logit of images [i0, i1), branch-free so that the loops vectorise. */
    private static void topTwo(double[][] logit, double[] first, double[] second, int i0, int i1) {
        java.util.Arrays.fill(first, i0, i1, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(second, i0, i1, Double.NEGATIVE_INFINITY);
        for (double[] lk : logit) {
            for (int i = i0; i < i1; i++) {
                double x = lk[i];
                second[i] = Math.max(second[i], Math.min(first[i], x));
                first[i] = Math.max(first[i], x);
            }
        }
    }

    /**
     * The class of the top logit, for the images where it is unique and more than {@link #TIE} above every
     * other (the only ones whose fast prediction is taken): Σ_k k·[logit_k = top], the indicator written
     * 1 − min(1, (top − logit_k)·2^1000), which is 1 for the top class and exactly 0 for the others. Only
     * arithmetic, so the JIT vectorises it; a comparison per class and image (a conditional move) it left
     * scalar, and a search per image cost a seventh of the evaluation in mispredicted branches.
     */
    private static void topClasses(double[][] logit, double[] first, double[] top, int i0, int i1) {
        java.util.Arrays.fill(top, i0, i1, 0);
        for (int k = 1; k < logit.length; k++) {
            double[] lk = logit[k];
            double c = k;
            for (int i = i0; i < i1; i++) {
                top[i] += c * (1.0 - Math.min(1.0, (first[i] - lk[i]) * 0x1p1000));
            }
        }
    }
}
