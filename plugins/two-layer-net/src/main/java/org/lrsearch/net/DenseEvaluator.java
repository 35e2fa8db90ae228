package org.lrsearch.net;

import org.lrsearch.api.Samples;

/**
 * Another way to compute the two-layer net's logits on a whole example set, for
 * {@code model.evaluator}: found through {@link java.util.ServiceLoader} when its module is on the
 * classpath (the {@code nd4j-evaluator} module provides {@code nd4j}), so this plugin itself needs
 * no tensor library. An implementation must be cheap to construct: load native code on first use.
 *
 * @since 0.1
 */
public interface DenseEvaluator {

    /** The value of {@code model.evaluator} that selects it. */
    String id();

    /**
     * Logits, {@code samples.count() × out}, row-major, of the network whose parameters are
     * {@code theta = [W1 (in×hidden, row-major), b1 (hidden), W2 (hidden×out, row-major), b2 (out)]}:
     * {@code sigmoid(X·W1 + b1)·W2 + b2}.
     */
    double[] logits(int in, int hidden, int out, double[] theta, Samples samples);
}
