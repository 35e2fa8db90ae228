package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Test-set logits on plain arrays, walking only non-zero pixels: the training kernel's arithmetic. */
final class JvmEvaluator implements TestEvaluator {

    @Override
    public double[] logits(ParameterLayout l, double[] theta, Samples samples) {
        SparseRows x = SparseRows.of(samples);
        int h = l.hidden(), out = l.out();
        double[] logits = new double[x.count * out];
        double[] z = x.times(theta, l.w1(), h);
        double[] w2T = new double[h * out];
        l.transposeW2(theta, l.w2(), w2T);
        for (int i = 0; i < x.count; i++) {
            TestEvaluator.outputLayer(l, theta, w2T, z, i * h, logits, i * out);
        }
        return logits;
    }
}
