package org.lrsearch.net;

import org.lrsearch.api.Samples;

/**
 * Exact test-set evaluation for curves, at a fraction of a direct pass.
 *
 * <p>Every update is θ ← θ − η·g with g from minibatches of the k-shot set, and ∂L/∂W1 = Xᵀ·dh,
 * so W1 only ever moves along the training images: {@code W1(t) = W1(0) + X_trainᵀ·A(t)} with
 * {@code A} of size N×h (N = 10·k). Hence the test pre-activations are
 * {@code X_test·W1(t) = X_test·W1(0) + (X_test·X_trainᵀ)·A(t)}: the first term is computed once per
 * run, the N-column kernel {@code X_test·X_trainᵀ} once per k-shot set, and each evaluation costs
 * {@code test × N × h} instead of {@code test × non-zero pixels × h}. The sums are only associated
 * differently from a direct pass (agreement tested to 1e-12); accuracy goes through
 * {@link CertifiedPredictions}, which makes every prediction exactly the direct pass's.
 *
 * <p>Layout, for speed on the JIT of Java 17: the kernel is one array per training image (over test
 * images) and Z one array per hidden unit, so the innermost loops index every array with the same
 * {@code i}; the JIT vectorises only loops whose arrays it can tell apart, which it cannot for one
 * flat array read at two offsets.
 */
final class IncrementalTestEvaluator {
    private final ParameterLayout l;
    private final Samples test;
    private final SparseRows testRows;
    private final int nTrain;
    /** kernel[t][i] = x_i · x_t, one row per training image. */
    private final double[][] kernel;
    /** W1 when tracking started, for X_test·W1(0), computed on first use. */
    private double[] w1Origin;
    /** X_test·W1(0), one row per hidden unit. */
    private double[][] z0;
    /** Z of the last evaluation, one row per hidden unit over the test images. */
    private final double[][] z;
    /** The columns of a chunk of images, gathered when only some images are computed (made on first use, then reused). */
    private Chunk chunk;
    /** Which images each evaluation computes, or null (package-private for tests). */
    final CarriedCertificates carried;
    private final CertifiedPredictions.Work work;
    private final EvaluationBounds bounds;

    /** @param carry whether to carry predictions between evaluations (a run that evaluates once has none to carry) */
    IncrementalTestEvaluator(ParameterLayout l, Samples test, Samples train, boolean carry) {
        this.l = l;
        this.test = test;
        this.testRows = SparseRows.of(test);
        this.nTrain = train.count();
        this.kernel = SharedProducts.kernel(test, testRows, train);
        this.z = new double[l.hidden()][test.count()];
        this.predictions = new int[test.count()];
        this.work = new CertifiedPredictions.Work(l.out(), test.count());
        this.bounds = new EvaluationBounds(testRows, kernel, train);
        this.carried = carry ? new CarriedCertificates(l, kernel, bounds.kernelEntryError()) : null;
    }

    /** θ was replaced: W1(0) is now {@code w1} (kept, not copied) and A restarts from 0. */
    void reset(double[] w1) {
        w1Origin = w1;
        z0 = null;
        bounds.origin(w1);
        if (carried != null) {
            carried.forget();
        }
    }

    /**
     * Logits of every test example at W1 = W1(0) + X_trainᵀ·A and θ's b1, W2, b2, each summed in the
     * order of a direct pass's output layer.
     *
     * @param a A(t), N×h
     * @return a new array (test × out): only tests and tools ask for the logits, so a run does not
     *         carry this 800 KB array, which G1 allocates outside its young regions (a humongous object)
     */
    double[] logits(double[] theta, double[] a) {
        int h = l.hidden(), out = l.out(), n = test.count();
        double[] logits = new double[n * out];
        double[][] zr = hidden(a);
        double[] w2T = new double[out * h];
        l.transposeW2(theta, l.w2(), w2T);
        double[] zi = new double[h];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < h; j++) {
                zi[j] = zr[j][i];
            }
            TestEvaluator.outputLayer(l, theta, w2T, zi, 0, logits, i * out);
        }
        return logits;
    }

    /**
     * The share of test images classified correctly, each prediction the direct double-precision
     * evaluation's ({@link CertifiedPredictions}): carried over from an earlier evaluation where the
     * parameters have provably not moved enough to change it ({@link CarriedCertificates}), fast where
     * certain, recomputed where not.
     *
     * @param exactW1 puts the current W1 into θ's W1 block (asked for only when an image is recomputed)
     */
    double accuracy(double[] theta, double[] a, Runnable exactW1) {
        int n = test.count(), h = l.hidden();
        double[] zError = bounds.hiddenError(a);
        double[] zBound = bounds.zBound();
        CertifiedPredictions.Scales sc = CertifiedPredictions.Scales.of(l, theta);
        double[] w2T = new double[l.out() * h];
        boolean[] materialised = {false};
        CertifiedPredictions.Exact exact = image -> {
            if (!materialised[0]) {
                exactW1.run();
                l.transposeW2(theta, l.w2(), w2T);
                materialised[0] = true;
            }
            return directArgmax(theta, w2T, image);
        };
        int m = carried == null ? n : carried.select(theta, a, zError, zBound, sc);
        selectedLast = m >= n * FULL_SHARE ? n : m;
        if (selectedLast == n) {
            recomputedLast = CertifiedPredictions.predict(l, theta, sc, hidden(a), zError, zBound, n, null, exact,
                    predictions, work);
            if (carried != null) {
                carried.computedAll(work.slack);
            }
        } else {
            recomputedLast = computeSome(theta, a, sc, zError, zBound, m, exact);
        }
        int[] labels = test.labels();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    /**
     * Above this share of images to compute, all are: gathering an image's columns (N + h values) costs
     * about a fifth of computing it (N·h + 11·h multiply-adds, vectorised), and the full path gathers none.
     */
    private static final double FULL_SHARE = 0.8;
    /** Images gathered per chunk: the chunk's kernel columns (N × this) stay in L2. */
    private static final int CHUNK = 1024;

    /** The {@code m} images {@link CarriedCertificates#select} listed, gathered chunk by chunk and computed as a whole set is. */
    private int computeSome(double[] theta, double[] a, CertifiedPredictions.Scales sc, double[] zError, double[] zBound,
                            int m, CertifiedPredictions.Exact exact) {
        int h = l.hidden(), n = test.count();
        if (z0 == null) {
            z0 = SharedProducts.origin(test, testRows, w1Origin, h);
        }
        if (chunk == null) {
            chunk = new Chunk(h, nTrain);
        }
        Chunk c = chunk;
        int recomputed = 0;
        for (int c0 = 0; c0 < m; c0 += CHUNK) {
            int len = Math.min(CHUNK, m - c0);
            System.arraycopy(carried.needed, c0, c.images, 0, len);
            KernelRows.gather(z0, c.images, len, c.z);
            KernelRows.gather(kernel, c.images, len, c.kernel);
            for (int p = 0; p < len; p++) {
                c.error[p] = zError[c.images[p]];
                c.bound[p] = zBound[c.images[p]];
            }
            KernelRows.accumulate(c.z, c.kernel, a, len, nTrain, h);
            recomputed += CertifiedPredictions.predict(l, theta, sc, c.z, c.error, c.bound, len, c.images, exact, c.pred, work);
            for (int p = 0; p < len; p++) {
                predictions[c.images[p]] = c.pred[p];
                carried.computed(c.images[p], work.slack[p]);
            }
        }
        return recomputed;
    }

    /** A chunk's images, their gathered Z and kernel columns, bounds and predictions. */
    private static final class Chunk {
        final double[][] z;
        final double[][] kernel;
        final int[] images = new int[CHUNK];
        final int[] pred = new int[CHUNK];
        final double[] error = new double[CHUNK];
        final double[] bound = new double[CHUNK];

        Chunk(int h, int nTrain) {
            z = new double[h][CHUNK];
            kernel = new double[nTrain][CHUNK];
        }
    }

    /** Images the last {@link #accuracy} call recomputed exactly (for tests). */
    int recomputedLast;
    /**
     * Images the last {@link #accuracy} call computed: all, or the first of {@code carried.needed}; the
     * others' predictions were carried over from an earlier call (for tests).
     */
    int selectedLast;
    /** The predictions of the last {@link #accuracy} call, each computed by it or carried over to it. */
    final int[] predictions;

    /** One image as {@link JvmEvaluator} computes it, from θ with W1 current: the same sums in the same order. */
    private int directArgmax(double[] theta, double[] w2T, int image) {
        double[] zi = new double[l.hidden()];
        testRows.rowTimes(image, theta, l.w1(), l.hidden(), zi, 0);
        double[] logit = new double[l.out()];
        TestEvaluator.outputLayer(l, theta, w2T, zi, 0, logit, 0);
        return TestEvaluator.argmax(logit, 0, l.out());
    }

    /**
     * Z = X_test·W1(0) + (X_test·X_trainᵀ)·A, one row per hidden unit. Each entry is z0 plus the N
     * terms in t order, four per pass written left to right: the same bits as one term at a time
     * (and as {@link RowSums#accumulate}), with Z loaded and stored once per four terms ({@link KernelRows}).
     * The array is the evaluator's own, overwritten by the next call (and by {@link #accuracy}'s hidden values).
     */
    private double[][] hidden(double[] a) {
        int h = l.hidden(), n = test.count();
        if (z0 == null) {
            z0 = SharedProducts.origin(test, testRows, w1Origin, h);
        }
        for (int j = 0; j < h; j++) {
            System.arraycopy(z0[j], 0, z[j], 0, n);
        }
        KernelRows.accumulate(z, kernel, a, n, nTrain, h);
        return z;
    }
}
