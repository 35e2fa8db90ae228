package org.lrsearch.net;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    /**
     * Bytes of k-shot kernels kept: a quarter of the heap, at most 256 MiB. Enough for every k-shot
     * set of a grid with fixed selection (the paper's: 12 MB); a study with thousands of random sets
     * recomputes what it evicted instead of growing.
     */
    static final long KERNEL_CACHE_BYTES = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);

    /**
     * X_test·W1(0) per test set and initial W1: every cell of a grid that shares a seed and a hidden
     * size starts from the same W1(0), so this is computed once for all of them. Bounded, oldest out.
     */
    private static final Map<Samples, Map<ContentKey, double[][]>> ORIGINS = Collections.synchronizedMap(new IdentityHashMap<>());
    private static final int MAX_ORIGINS = 8;

    /**
     * X_test·X_trainᵀ per test set and k-shot set, shared by all runs on the same task. Bounded by
     * bytes ({@link #KERNEL_CACHE_BYTES}) so that a study of thousands of k-shot sets (random
     * selection, many seeds) runs in constant memory: a kernel evicted and needed again is recomputed,
     * bit for bit the same. Caffeine computes each missing kernel once, however many run threads ask.
     */
    private static final Cache<KernelKey, double[][]> KERNELS = Caffeine.newBuilder()
            .maximumWeight(KERNEL_CACHE_BYTES)
            .weigher((KernelKey k, double[][] v) -> (int) Math.min(Integer.MAX_VALUE, 8L * v.length * (v.length == 0 ? 0 : v[0].length)))
            .executor(Runnable::run)
            .build();

    /** A test set (by identity: parsed once per process) and a k-shot set (by content). */
    private record KernelKey(Samples test, ContentKey train) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KernelKey k && k.test == test && k.train.equals(train);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(test) * 31 + train.hashCode();
        }
    }

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
    /** A chunk of images' Z and kernel columns, gathered when only some images are computed (made on first use). */
    private double[][] chunkZ;
    private double[][] chunkKernel;
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
        this.kernel = KERNELS.get(new KernelKey(test, new ContentKey(train.values())), k -> kernel(testRows, train));
        this.z = new double[l.hidden()][test.count()];
        this.predictions = new int[test.count()];
        this.work = new CertifiedPredictions.Work(l.out(), test.count());
        this.bounds = new EvaluationBounds(testRows, kernel, train);
        this.carried = carry ? new CarriedCertificates(l, kernel, testRows, bounds.trainMax()) : null;
    }

    /**
     * Whether the incremental route pays for itself, in multiply-adds weighted by their measured cost
     * (docs/EVALUATION.md §4). A direct pass costs nnz(X_test)·h sparse multiply-adds (plus
     * materialising W1); the incremental one first needs the kernel (nnz(X_test)·N, unless in the
     * cache) and X_test·W1(0) (nnz·h, unless another run from the same W1(0) left it), then costs
     * test·h·(N + 10) dense multiply-adds per evaluation, which run about four times faster than sparse
     * ones.
     *
     * <p>Runs that evaluate once each but share a k-shot set (a grid's cells, evaluated at the end only)
     * would never build the kernel on their own counts, though together they pay for it many times over.
     * So the direct work spent on each k-shot set is kept, and the kernel is built once that work would
     * have paid for it: the rent-or-buy rule, never more than twice the cost of the better choice in
     * hindsight, whatever the number of runs to come.
     *
     * @param origin W1(0) of the asking run
     */
    static boolean paysOff(ParameterLayout l, Samples test, Samples train, SparseRows trainRows, double[] origin,
                           int evaluations) {
        SparseRows rows = SparseRows.of(test);
        double nnz = rows.start[rows.count], h = l.hidden(), n = train.count();
        double direct = evaluations * (nnz * h + trainRows.start[trainRows.count] * h);
        ContentKey trainKey = new ContentKey(train.values());
        boolean cached = KERNELS.getIfPresent(new KernelKey(test, trainKey)) != null;
        double originCost = originCached(test, origin) ? 0 : nnz * h;
        double incremental = (cached ? 0 : nnz * n) + originCost + evaluations * DENSE_COST * test.count() * h * (n + l.out());
        if (incremental < direct) {
            return true;
        }
        AtomicLong spent = SPENT.get(new SpentKey(System.identityHashCode(test), trainKey.hashCode(),
                train.values().length), k -> new AtomicLong());
        return spent.addAndGet((long) direct) >= incremental;
    }

    /**
     * Direct multiply-adds spent so far per test set and k-shot set (the ledger of {@link #paysOff}).
     * Keyed by hashes, not contents, so that it holds no images: a collision can only build a kernel
     * early, never change a number.
     */
    private static final Cache<SpentKey, AtomicLong> SPENT = Caffeine.newBuilder()
            .maximumSize(4096).executor(Runnable::run).build();

    private record SpentKey(int test, int trainHash, int trainLength) {
    }

    private static boolean originCached(Samples test, double[] origin) {
        Map<ContentKey, double[][]> cache = ORIGINS.get(test);
        return cache != null && cache.containsKey(new ContentKey(origin));
    }

    /** Cost of a dense multiply-add relative to a sparse one (JMH: 10 M dense in 1.0 ms, 75 M sparse in 44 ms). */
    private static final double DENSE_COST = 0.25;

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
        carriedLast = n - selectedLast;
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
            z0 = origin(h, n);
        }
        if (chunkZ == null) {
            chunkZ = new double[h][CHUNK];
            chunkKernel = new double[nTrain][CHUNK];
        }
        int[] images = new int[Math.min(m, CHUNK)], pred = new int[images.length];
        double[] error = new double[images.length], bound = new double[images.length];
        int recomputed = 0;
        for (int c0 = 0; c0 < m; c0 += CHUNK) {
            int len = Math.min(CHUNK, m - c0);
            System.arraycopy(carried.needed, c0, images, 0, len);
            KernelRows.gather(z0, images, len, chunkZ);
            KernelRows.gather(kernel, images, len, chunkKernel);
            for (int p = 0; p < len; p++) {
                error[p] = zError[images[p]];
                bound[p] = zBound[images[p]];
            }
            KernelRows.accumulate(chunkZ, chunkKernel, a, len, nTrain, h);
            recomputed += CertifiedPredictions.predict(l, theta, sc, chunkZ, error, bound, len, images, exact, pred, work);
            for (int p = 0; p < len; p++) {
                predictions[images[p]] = pred[p];
                carried.computed(images[p], work.slack[p]);
            }
        }
        return recomputed;
    }

    /** Images the last {@link #accuracy} call recomputed exactly (for tests). */
    int recomputedLast;
    /** Images whose predictions the last {@link #accuracy} call carried over from an earlier one (for tests). */
    int carriedLast;
    /** Images the last {@link #accuracy} call computed: all, or the first of {@code carried.needed} (for tests). */
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
            z0 = origin(h, n);
        }
        for (int j = 0; j < h; j++) {
            System.arraycopy(z0[j], 0, z[j], 0, n);
        }
        KernelRows.accumulate(z, kernel, a, n, nTrain, h);
        return z;
    }

    /** X_test·W1(0), one row per hidden unit, from the cache shared by runs that start from the same W1(0). */
    private double[][] origin(int h, int n) {
        Map<ContentKey, double[][]> cache = ORIGINS.computeIfAbsent(test, t -> Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ContentKey, double[][]> eldest) {
                        return size() > MAX_ORIGINS;
                    }
                }));
        ContentKey key = new ContentKey(w1Origin);
        double[][] rows = cache.get(key);
        if (rows == null) {
            double[] byImage = testRows.times(w1Origin, 0, h);
            rows = new double[h][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < h; j++) {
                    rows[j][i] = byImage[i * h + j];
                }
            }
            cache.put(key, rows);
        }
        return rows;
    }

    /**
     * X_test·X_trainᵀ, one row per training image. Each entry is summed over the test image's
     * non-zero pixels in order.
     */
    private static double[][] kernel(SparseRows test, Samples train) {
        int n = train.count(), f = train.features();
        double[] columns = new double[f * n];
        double[] v = train.values();
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < f; r++) {
                columns[r * n + t] = v[t * f + r];
            }
        }
        double[][] k = new double[n][test.count];
        double[] row = new double[n];
        for (int i = 0; i < test.count; i++) {
            Arrays.fill(row, 0);
            for (int e = test.start[i]; e < test.start[i + 1]; e++) {
                double x = test.val[e];
                int c = test.col[e] * n;
                for (int t = 0; t < n; t++) {
                    row[t] += x * columns[c + t];
                }
            }
            for (int t = 0; t < n; t++) {
                k[t][i] = row[t];
            }
        }
        return k;
    }

    /** Bytes the kernel cache holds now (for tests of its bound). */
    static long kernelCacheBytes() {
        KERNELS.cleanUp();
        return KERNELS.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** An array by content (a k-shot set's pixels, an initial W1), so that runs can share what depends only on it. */
    private static final class ContentKey {
        private final double[] values;
        private final int hash;

        ContentKey(double[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContentKey k && k.hash == hash && Arrays.equals(k.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
