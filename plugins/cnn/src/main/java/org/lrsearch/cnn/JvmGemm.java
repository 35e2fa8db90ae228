package org.lrsearch.cnn;

import java.util.Arrays;

/**
 * Plain loops, summing along k in order: {@code backend: jvm}, and the reference the native products are
 * tested against.
 */
final class JvmGemm implements Gemm {
    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        Arrays.fill(c, co, co + m * n, 0.0);
        for (int i = 0; i < m; i++) {
            int ci = co + i * n;
            for (int p = 0; p < k; p++) {
                double x = ta ? a[ao + p * m + i] : a[ao + i * k + p];
                if (x == 0) {
                    continue;
                }
                if (tb) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += x * b[bo + j * k + p];
                    }
                } else {
                    int bp = bo + p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += x * b[bp + j];
                    }
                }
            }
        }
    }
}
