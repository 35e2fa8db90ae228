package org.lrsearch.net;

import java.util.Arrays;

/**
 * The two-layer net's loss and gradient at an arbitrary point p, an optimizer's θ(η) (docs:
 * OPTIMIZERS.md): W1 read densely from p, so the first layer costs the minibatch's non-zero pixels
 * times h, as a direct pass does. Scratch is sized on the first use of each row count.
 */
final class DensePoints {
    private final ParameterLayout l;
    private final SparseRows train;
    private final int h;
    private final int out;
    private final double[] w2T;
    private double[] z = new double[0];
    private double[] hidden = new double[0];
    private double[] prob = new double[0];
    private double[] dHidden = new double[0];

    DensePoints(ParameterLayout l, SparseRows train) {
        this.l = l;
        this.train = train;
        this.h = l.hidden();
        this.out = l.out();
        this.w2T = new double[h * out];
    }

    /** The mean loss over the training rows {@code rows[0..n)} (labels alike) at p. */
    double loss(double[] p, int[] rows, int n, int[] labels) {
        if (z.length < n * h) {
            z = new double[n * h];
            hidden = new double[n * h];
            dHidden = new double[n * h];
            prob = new double[n * out];
        }
        for (int b = 0; b < n; b++) {
            System.arraycopy(p, l.b1(), z, b * h, h);
            train.rowTimes(rows[b], p, l.w1(), h, z, b * h);
        }
        l.transposeW2(p, l.w2(), w2T);
        return DenseLayers.forward(n, h, out, z, w2T, p, l.b2(), labels, hidden, prob);
    }

    /** ∇ of {@link #loss} at p into {@code grad} (length P). */
    void gradient(double[] p, int[] rows, int n, int[] labels, double[] grad) {
        loss(p, rows, n, labels);
        Arrays.fill(grad, 0.0);
        DenseLayers.backward(l, n, labels, prob, hidden, p, l.w2(), grad, dHidden);
        DenseLayers.addFirstLayerGradient(l, train, rows, n, dHidden, grad);
    }
}
