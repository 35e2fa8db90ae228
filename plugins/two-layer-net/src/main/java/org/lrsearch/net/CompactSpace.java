package org.lrsearch.net;

import java.util.Arrays;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.ParameterSpace;

/**
 * The two-layer net's compact coordinates for linear optimizers: W1 as its coefficients A over the
 * k-shot images, W1 = W1(0) + X_trainᵀ·A with W1(0) the first layer at the last initialisation
 * ({@link LowRankW1}), then b1, W2 and b2 as they are. N·h + h + 10h + 10 numbers instead of
 * 784h + 11h + 10: a minibatch's pre-activations at a point cost b·N·h through the Gram matrix, a move
 * N²·h, and the incremental test evaluator keeps working. Exact: momentum's buffer and Schedule-Free's
 * z and x are combinations of gradients, which lie in this span.
 */
final class CompactSpace implements ParameterSpace {
    private final TwoLayerNet net;
    private final ParameterLayout l;
    private final LowRankW1 w1;
    private final DensePoints points;
    private final int h;
    private final int coef;
    private final int rest;
    private final int[] allRows;
    private final double[] scratch;

    CompactSpace(TwoLayerNet net, ParameterLayout l, LowRankW1 w1, DensePoints points, int[] allRows) {
        this.net = net;
        this.l = l;
        this.w1 = w1;
        this.points = points;
        this.h = l.hidden();
        this.coef = w1.train.count * h;
        this.rest = l.size() - l.b1();
        this.allRows = allRows;
        this.scratch = new double[h];
    }

    @Override
    public int size() {
        return coef + rest;
    }

    @Override
    public void parameters(double[] out) {
        System.arraycopy(w1.a, 0, out, 0, coef);
        System.arraycopy(net.theta, l.b1(), out, coef, rest);
    }

    /** ∂L/∂W1 = X_Bᵀ·dh: the minibatch rows' coefficients are their rows of dh (summed when a row repeats). */
    @Override
    public void gradient(double[] out) {
        Arrays.fill(out, 0, coef, 0.0);
        for (int b = 0; b < net.n; b++) {
            int r = net.batch[b] * h, bh = b * h;
            for (int j = 0; j < h; j++) {
                out[r + j] += net.dh[bh + j];
            }
        }
        System.arraycopy(net.g, l.b1(), out, coef, rest);
    }

    @Override
    public double dot(double[] a, double[] b) {
        double s = w1.dot(a, b, scratch);
        for (int i = coef; i < coef + rest; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public double lossAt(double[] p, LossScope scope) {
        boolean minibatch = scope == LossScope.MINIBATCH;
        int[] rows = minibatch ? net.batch : allRows;
        int count = minibatch ? net.n : allRows.length;
        w1.preActivations(p, rows, count, points.z(count));
        return points.finish(p, coef, w2(), b2(), count, minibatch ? net.batchLabels : net.trainLabels);
    }

    @Override
    public void gradientAt(double[] p, double[] denseOut) {
        lossAt(p, LossScope.MINIBATCH);
        points.gradient(p, w2(), net.batch, net.n, net.batchLabels, denseOut);
    }

    @Override
    public void moveTo(double[] p) {
        w1.moveTo(p);
        System.arraycopy(p, coef, net.theta, l.b1(), rest);
    }

    private int w2() {
        return coef + l.w2() - l.b1();
    }

    private int b2() {
        return coef + l.b2() - l.b1();
    }
}
