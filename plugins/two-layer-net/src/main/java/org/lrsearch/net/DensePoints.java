package org.lrsearch.net;

import java.util.Arrays;

/**
 * The two-layer net's loss and gradient at an arbitrary point p (an optimizer's θ(η)): the first
 * layer's pre-activations are filled by the caller ({@link #dense} reads W1 densely from p, the compact
 * coordinates of {@link CompactSpace} go through the k-shot Gram matrix), the rest is read from p at the
 * offsets given. Scratch is sized on the first use of each row count.
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

    /** Scratch for {@code count} rows of first-layer pre-activations (bias not included), for the caller to fill. */
    double[] z(int count) {
        if (z.length < count * h) {
            z = new double[count * h];
            hidden = new double[count * h];
            dHidden = new double[count * h];
            prob = new double[count * out];
        }
        return z;
    }

    /** The mean loss over the training rows {@code rows[0..n)} at p, W1 read densely from p's own W1 block. */
    double dense(double[] p, int[] rows, int n, int[] labels) {
        double[] zz = z(n);
        Arrays.fill(zz, 0, n * h, 0.0);
        for (int b = 0; b < n; b++) {
            train.rowTimes(rows[b], p, l.w1(), h, zz, b * h);
        }
        return finish(p, l.b1(), l.w2(), l.b2(), n, labels);
    }

    /** With {@link #z} filled, bias included: the mean loss under W2 (transposed, {@code w2T}) and b2. */
    double forward(int n, double[] w2Transposed, double[] b2, int b2o, int[] labels) {
        return DenseLayers.forward(n, h, out, z, w2Transposed, b2, b2o, labels, hidden, prob);
    }

    /** With {@link #z} filled: adds b1 (at {@code b1o} in p), applies W2 and b2 (at {@code w2o}, {@code b2o}); the mean loss. */
    double finish(double[] p, int b1o, int w2o, int b2o, int n, int[] labels) {
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < h; j++) {
                z[b * h + j] += p[b1o + j];
            }
        }
        l.transposeW2(p, w2o, w2T);
        return DenseLayers.forward(n, h, out, z, w2T, p, b2o, labels, hidden, prob);
    }

    /** After {@link #finish} on the minibatch {@code rows}: ∇L_B at p into {@code grad}, θ's flat layout (length P). */
    void gradient(double[] p, int w2o, int[] rows, int n, int[] labels, double[] grad) {
        Arrays.fill(grad, 0.0);
        DenseLayers.backward(l, n, labels, prob, hidden, p, w2o, grad, dHidden);
        DenseLayers.addFirstLayerGradient(l, train, rows, n, dHidden, grad);
    }
}
