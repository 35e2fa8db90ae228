package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Test-set logits on plain arrays, walking only non-zero pixels: the training kernel's arithmetic. */
final class JvmEvaluator implements TestEvaluator {

    @Override
    public double[] logits(Layout l, double[] theta, Samples samples) {
        SparseRows x = SparseRows.of(samples);
        int h = l.hidden(), out = l.out();
        double[] logits = new double[x.count * out];
        double[] z = x.times(theta, l.w1(), h);
        for (int i = 0; i < x.count; i++) {
            int zr = i * h;
            for (int j = 0; j < h; j++) {
                z[zr + j] = 1.0 / (1.0 + Math.exp(-(z[zr + j] + theta[l.b1() + j])));
            }
            for (int k = 0; k < out; k++) {
                double s = 0;
                for (int j = 0; j < h; j++) {
                    s += z[zr + j] * theta[l.w2() + j * out + k];
                }
                logits[i * out + k] = s + theta[l.b2() + k];
            }
        }
        return logits;
    }
}
