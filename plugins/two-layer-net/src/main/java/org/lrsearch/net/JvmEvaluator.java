package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Test-set logits on plain arrays, walking only non-zero pixels: the training kernel's arithmetic. */
final class JvmEvaluator implements TestEvaluator {

    @Override
    public double[] logits(Layout l, double[] theta, Samples samples) {
        SparseRows x = SparseRows.of(samples);
        int h = l.hidden(), out = l.out();
        double[] logits = new double[x.count * out];
        double[] z = new double[h];
        for (int i = 0; i < x.count; i++) {
            java.util.Arrays.fill(z, 0);
            for (int e = x.start[i]; e < x.start[i + 1]; e++) {
                double v = x.val[e];
                int w = l.w1() + x.col[e] * h;
                for (int j = 0; j < h; j++) {
                    z[j] += v * theta[w + j];
                }
            }
            for (int j = 0; j < h; j++) {
                z[j] = 1.0 / (1.0 + Math.exp(-(z[j] + theta[l.b1() + j])));
            }
            for (int k = 0; k < out; k++) {
                double s = 0;
                for (int j = 0; j < h; j++) {
                    s += z[j] * theta[l.w2() + j * out + k];
                }
                logits[i * out + k] = s + theta[l.b2() + k];
            }
        }
        return logits;
    }
}
