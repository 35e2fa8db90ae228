package org.lrsearch.net;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.lrsearch.api.Samples;

/**
 * Exact test-set evaluation for curves, at a fraction of a direct pass.
 *
 * <p>Every update is θ ← θ − η·g with g from minibatches of the k-shot set, and ∂L/∂W1 = Xᵀ·dh,
 * so W1 only ever moves along the training images: {@code W1(t) = W1(0) + X_trainᵀ·A(t)} with
 * {@code A} of size N×h (N = 10·k). Hence the test pre-activations are
 * {@code X_test·W1(t) = X_test·W1(0) + (X_test·X_trainᵀ)·A(t)}: the first term is computed once per
 * run, the N-column kernel {@code X_test·X_trainᵀ} once per k-shot set, and each evaluation costs
 * {@code test × N × h} instead of {@code test × non-zero pixels × h}. Nothing is approximated;
 * the sums are only associated differently (agreement with a direct pass is tested to 1e-12).
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
    private static final Map<Samples, Map<ContentKey, double[]>> ORIGINS = Collections.synchronizedMap(new IdentityHashMap<>());
    private static final int MAX_ORIGINS = 8;

    /**
     * X_test·X_trainᵀ per test set and k-shot set, shared by all runs on the same task. Bounded by
     * bytes ({@link #KERNEL_CACHE_BYTES}) so that a study of thousands of k-shot sets (random
     * selection, many seeds) runs in constant memory: a kernel evicted and needed again is recomputed,
     * bit for bit the same. Caffeine computes each missing kernel once, however many run threads ask.
     */
    private static final Cache<KernelKey, double[]> KERNELS = Caffeine.newBuilder()
            .maximumWeight(KERNEL_CACHE_BYTES)
            .weigher((KernelKey k, double[] v) -> (int) Math.min(Integer.MAX_VALUE, 8L * v.length))
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
    private final double[] kernel;
    /** W1 when tracking started, for X_test·W1(0), computed on first use. */
    private double[] w1Origin;
    private double[] z0;
    private final double[] logits;

    IncrementalTestEvaluator(ParameterLayout l, Samples test, Samples train) {
        this.l = l;
        this.test = test;
        this.testRows = SparseRows.of(test);
        this.nTrain = train.count();
        this.kernel = KERNELS.get(new KernelKey(test, new ContentKey(train.values())), k -> kernel(testRows, train));
        this.logits = new double[test.count() * l.out()];
    }

    /** θ was replaced: W1(0) is now {@code w1} (kept, not copied) and A restarts from 0. */
    void reset(double[] w1) {
        w1Origin = w1;
        z0 = null;
    }

    /**
     * Logits of every test example at W1 = W1(0) + X_trainᵀ·A and θ's b1, W2, b2.
     *
     * @param a A(t), N×h
     */
    double[] logits(double[] theta, double[] a) {
        int h = l.hidden(), out = l.out(), n = test.count();
        if (z0 == null) {
            Map<ContentKey, double[]> cache = ORIGINS.computeIfAbsent(test, t -> Collections.synchronizedMap(
                    new java.util.LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<ContentKey, double[]> eldest) {
                            return size() > MAX_ORIGINS;
                        }
                    }));
            ContentKey key = new ContentKey(w1Origin);
            z0 = cache.get(key);
            if (z0 == null) {
                z0 = testRows.times(w1Origin, 0, h);
                cache.put(key, z0);
            }
        }
        double[] z = new double[h];
        double[] w2T = new double[out * h];
        l.transposeW2(theta, l.w2(), w2T);
        for (int i = 0; i < n; i++) {
            System.arraycopy(z0, i * h, z, 0, h);
            accumulate(z, 0, kernel, i * nTrain, nTrain, a, h);
            TestEvaluator.outputLayer(l, theta, w2T, z, 0, logits, i * out);
        }
        return logits;
    }

    /**
     * {@code z[zo..zo+h) += Σ_t k[ko+t]·a[t·h..t·h+h)}, t ascending. Four terms per pass, written as
     * one left-to-right expression: the same sums in the same order as one term per pass (so the
     * same bits), but z is loaded and stored once per four terms and the JIT vectorises over j.
     */
    static void accumulate(double[] z, int zo, double[] k, int ko, int terms, double[] a, int h) {
        int t = 0;
        for (; t + 4 <= terms; t += 4) {
            double k0 = k[ko + t], k1 = k[ko + t + 1], k2 = k[ko + t + 2], k3 = k[ko + t + 3];
            int a0 = t * h, a1 = a0 + h, a2 = a1 + h, a3 = a2 + h;
            for (int j = 0; j < h; j++) {
                z[zo + j] = (((z[zo + j] + k0 * a[a0 + j]) + k1 * a[a1 + j]) + k2 * a[a2 + j]) + k3 * a[a3 + j];
            }
        }
        for (; t < terms; t++) {
            double kt = k[ko + t];
            int at = t * h;
            for (int j = 0; j < h; j++) {
                z[zo + j] += kt * a[at + j];
            }
        }
    }

    /** X_test·X_trainᵀ, test-major: walks each test image's non-zero pixels against the training images' columns. */
    private static double[] kernel(SparseRows test, Samples train) {
        int n = train.count(), f = train.features();
        double[] columns = new double[f * n];
        double[] v = train.values();
        for (int t = 0; t < n; t++) {
            for (int r = 0; r < f; r++) {
                columns[r * n + t] = v[t * f + r];
            }
        }
        double[] k = new double[test.count * n];
        for (int i = 0; i < test.count; i++) {
            int kr = i * n;
            for (int e = test.start[i]; e < test.start[i + 1]; e++) {
                double x = test.val[e];
                int c = test.col[e] * n;
                for (int t = 0; t < n; t++) {
                    k[kr + t] += x * columns[c + t];
                }
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
