package org.lrsearch.net;

/**
 * The incremental evaluator's one dense product, {@code Z += K·A} over the test images: the kernel
 * one array per training image, Z one array per hidden unit, so that every innermost loop indexes its
 * arrays alike (the JIT vectorises only loops whose arrays it can tell apart).
 */
final class KernelRows {
    /** Test images per block: a block's kernel rows stay in L2 across hidden units. */
    static final int IMAGE_BLOCK = 1024;

    private KernelRows() {
    }

    /**
     * {@code z[j][i] += Σ_t kernel[t][i]·a[t·h + j]}, t ascending, four terms per pass written left
     * to right, two hidden units per pass (each kernel value loaded once for both). Four terms, not
     * more, and two units, not four: the JIT vectorises only loops it unrolls, and it unrolls only
     * bodies under its size limit (eight terms per pass stayed scalar: 2.8 ms per evaluation instead of
     * 1.0; four units by four terms too: 3.2 ms for this loop alone at N = 50, hidden 20, against 0.9).
     * Each entry's sum is the same, in the same order, whatever the grouping, so the bits are too.
     */
    static void accumulate(double[][] z, double[][] kernel, double[] a, int n, int nTrain, int h) {
        for (int i0 = 0; i0 < n; i0 += IMAGE_BLOCK) {
            int i1 = Math.min(n, i0 + IMAGE_BLOCK);
            int j = 0;
            for (; j + 2 <= h; j += 2) {
                double[] zj = z[j], zk = z[j + 1];
                int t = 0;
                for (; t + 4 <= nTrain; t += 4) {
                    double[] k0 = kernel[t], k1 = kernel[t + 1], k2 = kernel[t + 2], k3 = kernel[t + 3];
                    int p0 = t * h + j, p1 = p0 + h, p2 = p1 + h, p3 = p2 + h;
                    double a0 = a[p0], a1 = a[p1], a2 = a[p2], a3 = a[p3];
                    double b0 = a[p0 + 1], b1 = a[p1 + 1], b2 = a[p2 + 1], b3 = a[p3 + 1];
                    for (int i = i0; i < i1; i++) {
                        double c0 = k0[i], c1 = k1[i], c2 = k2[i], c3 = k3[i];
                        zj[i] = (((zj[i] + c0 * a0) + c1 * a1) + c2 * a2) + c3 * a3;
                        zk[i] = (((zk[i] + c0 * b0) + c1 * b1) + c2 * b2) + c3 * b3;
                    }
                }
                for (; t < nTrain; t++) {
                    double[] kt = kernel[t];
                    double at = a[t * h + j], bt = a[t * h + j + 1];
                    for (int i = i0; i < i1; i++) {
                        zj[i] += kt[i] * at;
                        zk[i] += kt[i] * bt;
                    }
                }
            }
            if (j < h) {
                oneUnit(z[j], kernel, a, j, i0, i1, nTrain, h);
            }
        }
    }

    /** {@link #accumulate} for a last, odd hidden unit. */
    private static void oneUnit(double[] zj, double[][] kernel, double[] a, int j, int i0, int i1, int nTrain, int h) {
        int t = 0;
        for (; t + 4 <= nTrain; t += 4) {
            double[] k0 = kernel[t], k1 = kernel[t + 1], k2 = kernel[t + 2], k3 = kernel[t + 3];
            double a0 = a[t * h + j], a1 = a[(t + 1) * h + j], a2 = a[(t + 2) * h + j], a3 = a[(t + 3) * h + j];
            for (int i = i0; i < i1; i++) {
                zj[i] = (((zj[i] + k0[i] * a0) + k1[i] * a1) + k2[i] * a2) + k3[i] * a3;
            }
        }
        for (; t < nTrain; t++) {
            double[] kt = kernel[t];
            double at = a[t * h + j];
            for (int i = i0; i < i1; i++) {
                zj[i] += kt[i] * at;
            }
        }
    }

    /**
     * {@code dst[r][p] = src[r][images[p]]} for p below {@code len}: the listed images' columns, four
     * rows per pass so that each index is loaded once for four values.
     */
    static void gather(double[][] src, int[] images, int len, double[][] dst) {
        int r = 0;
        for (; r + 4 <= src.length; r += 4) {
            double[] f0 = src[r], f1 = src[r + 1], f2 = src[r + 2], f3 = src[r + 3];
            double[] t0 = dst[r], t1 = dst[r + 1], t2 = dst[r + 2], t3 = dst[r + 3];
            for (int p = 0; p < len; p++) {
                int i = images[p];
                t0[p] = f0[i];
                t1[p] = f1[i];
                t2[p] = f2[i];
                t3[p] = f3[i];
            }
        }
        for (; r < src.length; r++) {
            double[] from = src[r], to = dst[r];
            for (int p = 0; p < len; p++) {
                to[p] = from[images[p]];
            }
        }
    }
}
