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
 * What {@link IncrementalTestEvaluator}s share between runs, and when building it pays: the k-shot
 * kernels X_test·X_trainᵀ (one per test set and k-shot set), the products X_test·W1(0) (one per test set
 * and initial W1), both bounded, and the ledger of direct work spent per k-shot set that decides when a
 * kernel is worth building (docs/EVALUATION.md §5). Shared values are recomputed bit for bit the same
 * when evicted, so sharing moves only the cost.
 */
final class SharedProducts {
    private SharedProducts() {
    }

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

    /** The kernel of {@code test} (its rows as {@code testRows}) and {@code train}, from the cache or computed now. */
    static double[][] kernel(Samples test, SparseRows testRows, Samples train) {
        return KERNELS.get(new KernelKey(test, new ContentKey(train.values())), k -> compute(testRows, train));
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

    /** X_test·W1(0), one row per hidden unit, from the cache shared by runs that start from the same W1(0). */
    static double[][] origin(Samples test, SparseRows testRows, double[] w1Origin, int h) {
        int n = test.count();
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
    private static double[][] compute(SparseRows test, Samples train) {
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
