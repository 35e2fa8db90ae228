package org.lrsearch.api;

import java.util.function.IntUnaryOperator;

/**
 * A base for model plugins whose θ is one flat array in the tensors' order and whose passes take any point
 * p: what such a model does the same way whatever its layers (trial points θ − η·g in a scratch array,
 * commit, copies, the minibatch's bounds, counting correct predictions). A subclass computes
 * {@link #gradient}, {@link #lossAt} and {@link #gradientAt} on its own layers.
 *
 * @since 0.3
 */
public abstract class FlatParameterModel implements Model {
    /** θ, flat, in the order of {@link #tensors()}. */
    protected final double[] theta;
    /** The current minibatch's gradient, written by {@link #gradient}. */
    protected final double[] g;
    private final double[] trial;
    /** The current minibatch, rows of the training set. */
    protected int[] batch = new int[0];

    protected FlatParameterModel(int parameterCount) {
        theta = new double[parameterCount];
        g = new double[parameterCount];
        trial = new double[parameterCount];
    }

    /** Keeps {@code rows} as the current minibatch, each checked to be a row of a training set of {@code size}. */
    protected final int[] useBatch(int[] rows, int size) {
        for (int r : rows) {
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("batch row " + r + " outside the training set of " + size);
            }
        }
        batch = rows.clone();
        return batch;
    }

    /** How many of {@code count} rows of class scores have their largest (the first of equals) at the row's label. */
    protected static int correct(double[] scores, int count, int classes, IntUnaryOperator label) {
        int correct = 0;
        for (int r = 0; r < count; r++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (scores[r * classes + k] > scores[r * classes + best]) {
                    best = k;
                }
            }
            if (best == label.applyAsInt(r)) {
                correct++;
            }
        }
        return correct;
    }

    private double[] trialPoint(double eta) {
        for (int i = 0; i < theta.length; i++) {
            trial[i] = theta[i] - eta * g[i];
        }
        return trial;
    }

    @Override
    public int parameterCount() {
        return theta.length;
    }

    @Override
    public void copyGradient(double[] out) {
        System.arraycopy(g, 0, out, 0, g.length);
    }

    @Override
    public double trialLoss(double eta, LossScope scope) {
        return lossAt(trialPoint(eta), scope);
    }

    @Override
    public void trialGradient(double eta, double[] out) {
        gradientAt(trialPoint(eta), out);
    }

    @Override
    public void commit(double eta) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= eta * g[i];
        }
    }

    @Override
    public void copyParameters(double[] out) {
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    @Override
    public void moveTo(double[] p) {
        System.arraycopy(p, 0, theta, 0, theta.length);
    }

    @Override
    public boolean isFinite() {
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
