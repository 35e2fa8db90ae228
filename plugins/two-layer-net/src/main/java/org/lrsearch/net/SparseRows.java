package org.lrsearch.net;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.lrsearch.api.Samples;

/**
 * Examples in compressed sparse row form. About 81% of MNIST pixels are 0; every pass over the
 * first layer walks only the non-zero ones, which is where the kernel's speed comes from.
 */
final class SparseRows {
    /**
     * By identity, held weakly: the shared test set is converted once, and a run's own samples (its
     * validation set) are dropped with the run instead of piling up.
     */
    private static final Cache<Samples, SparseRows> SHARED = Caffeine.newBuilder().weakKeys().build();

    final int count;
    final int features;
    /** Example {@code i}'s entries are {@code [start[i], start[i + 1])}. */
    final int[] start;
    final int[] col;
    final double[] val;

    private SparseRows(Samples s) {
        count = s.count();
        features = s.features();
        double[] v = s.values();
        int nnz = 0;
        for (double x : v) {
            if (x != 0) {
                nnz++;
            }
        }
        start = new int[count + 1];
        col = new int[nnz];
        val = new double[nnz];
        int k = 0;
        for (int i = 0; i < count; i++) {
            start[i] = k;
            for (int j = 0; j < features; j++) {
                double x = v[i * features + j];
                if (x != 0) {
                    col[k] = j;
                    val[k++] = x;
                }
            }
        }
        start[count] = k;
    }

    /** Sparse form of {@code s}, built once per samples object (the shared test set is converted once). */
    static SparseRows of(Samples s) {
        return SHARED.get(s, SparseRows::new);
    }

    /** Sparse form built afresh, not shared. */
    static SparseRows build(Samples s) {
        return new SparseRows(s);
    }

    /** {@code X·W} ({@code count×h}, row-major) for {@code W} stored {@code features×h} at {@code offset} in {@code w}. */
    double[] times(double[] w, int offset, int h) {
        double[] z = new double[count * h];
        for (int i = 0; i < count; i++) {
            rowTimes(i, w, offset, h, z, i * h);
        }
        return z;
    }

    /** Row {@code i} of {@link #times} added into {@code z[zo..zo+h)}: its non-zero pixels in order. */
    void rowTimes(int i, double[] w, int offset, int h, double[] z, int zo) {
        for (int e = start[i]; e < start[i + 1]; e++) {
            double v = val[e];
            int wr = offset + col[e] * h;
            for (int j = 0; j < h; j++) {
                z[zo + j] += v * w[wr + j];
            }
        }
    }

    private volatile double[] l1;

    /** Σ |x| per row (rounded up a little: the sums round too), computed once. */
    double[] l1() {
        double[] r = l1;
        if (r == null) {
            r = new double[count];
            for (int i = 0; i < count; i++) {
                double s = 0;
                for (int e = start[i]; e < start[i + 1]; e++) {
                    s += Math.abs(val[e]);
                }
                r[i] = s * (1 + 1e-12);
            }
            l1 = r;
        }
        return r;
    }

    /** Dot product of examples {@code a} and {@code b}. */
    double dot(int a, int b) {
        int i = start[a], ie = start[a + 1], j = start[b], je = start[b + 1];
        double sum = 0;
        while (i < ie && j < je) {
            int ca = col[i], cb = col[j];
            if (ca == cb) {
                sum += val[i++] * val[j++];
            } else if (ca < cb) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
