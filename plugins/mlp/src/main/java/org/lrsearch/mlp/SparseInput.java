package org.lrsearch.mlp;

import org.lrsearch.api.Samples;

/** Examples as their non-zero features, row by row: most image pixels are 0, and only the first layer reads them. */
final class SparseInput {
    final int count;
    final int[] start;
    final int[] col;
    final double[] val;
    final int[] labels;

    SparseInput(Samples s) {
        int f = s.features();
        double[] v = s.values();
        int nnz = 0;
        for (double x : v) {
            if (x != 0) {
                nnz++;
            }
        }
        count = s.count();
        start = new int[count + 1];
        col = new int[nnz];
        val = new double[nnz];
        labels = s.labels();
        int e = 0;
        for (int r = 0; r < count; r++) {
            start[r] = e;
            for (int c = 0; c < f; c++) {
                double x = v[r * f + c];
                if (x != 0) {
                    col[e] = c;
                    val[e++] = x;
                }
            }
        }
        start[count] = e;
    }
}
