package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Test-set logits on plain arrays, walking only non-zero pixels: the training kernel's arithmetic. */
final class JvmEvaluator implements TestEvaluator {

    @Override
    public double[] logits(ParameterLayout l, double[] theta, Samples samples) {
        SparseRows x = SparseRows.of(samples);
        return TestEvaluator.logits(l, theta, x.times(theta, l.w1(), l.hidden()), x.count);
    }
}
