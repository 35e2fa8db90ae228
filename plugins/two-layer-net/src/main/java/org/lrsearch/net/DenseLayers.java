package org.lrsearch.net;

import java.util.Arrays;

/**
 * The arithmetic of the paper's two layers on plain arrays: sigmoid hidden layer, affine output,
 * softmax and mean cross-entropy with the paper's {@code 1e-7} guard, and its gradient. Pure
 * functions over the caller's buffers; nothing is allocated.
 */
final class DenseLayers {
    static final double LOG_GUARD = 1e-7;

    private DenseLayers() {
    }

    /**
     * Sigmoid hidden layer, affine output, softmax into {@code prob}; returns the mean
     * cross-entropy. {@code z} holds the hidden pre-activations, bias included; {@code w2T} is W2
     * transposed ({@code out×h}), so that each logit's sum runs over contiguous memory.
     */
    static double forward(int count, int h, int out, double[] z, double[] w2T, double[] b2, int b2o, int[] labels,
                          double[] hidden, double[] prob) {
        double sumLog = 0;
        for (int b = 0; b < count; b++) {
            int bh = b * h, bo = b * out;
            for (int j = 0; j < h; j++) {
                hidden[bh + j] = 1.0 / (1.0 + Math.exp(-z[bh + j]));
            }
            rowDots(hidden, bh, w2T, 0, h, out, prob, bo);
            for (int k = 0; k < out; k++) {
                prob[bo + k] += b2[b2o + k];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < out; k++) {
                if (prob[bo + k] > max) {
                    max = prob[bo + k];
                }
            }
            double sum = 0;
            for (int k = 0; k < out; k++) {
                double e = Math.exp(prob[bo + k] - max);
                prob[bo + k] = e;
                sum += e;
            }
            for (int k = 0; k < out; k++) {
                prob[bo + k] /= sum;
            }
            sumLog += Math.log(prob[bo + labels[b]] + LOG_GUARD);
        }
        return -(sumLog / count);
    }

    /**
     * Gradient of the mean cross-entropy over {@code n} examples for b1, W2 and b2 into {@code grad}
     * (flat layout {@code l}), and ∂L/∂z1 into {@code dHidden}. Overwrites {@code prob} with ∂L/∂z2.
     * The W1 block of {@code grad} is left alone ({@link #addFirstLayerGradient}).
     */
    static void backward(ParameterLayout l, int n, int[] labels, double[] prob, double[] hidden, double[] w2, int w2o,
                         double[] grad, double[] dHidden) {
        int h = l.hidden(), out = l.out();
        for (int b = 0; b < n; b++) {
            prob[b * out + labels[b]] -= 1;
        }
        for (int i = 0; i < n * out; i++) {
            prob[i] /= n;
        }
        // ∂L/∂W2 = hiddenᵀ·prob, summed over the batch in order; k innermost keeps memory contiguous.
        Arrays.fill(grad, l.w2(), l.b2(), 0.0);
        for (int b = 0; b < n; b++) {
            int bh = b * h, bo = b * out;
            for (int j = 0; j < h; j++) {
                double hj = hidden[bh + j];
                int gr = l.w2() + j * out;
                for (int k = 0; k < out; k++) {
                    grad[gr + k] += hj * prob[bo + k];
                }
            }
        }
        for (int k = 0; k < out; k++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += prob[b * out + k];
            }
            grad[l.b2() + k] = s;
        }
        // ∂L/∂hidden = prob·W2ᵀ, then through the sigmoid's derivative.
        for (int b = 0; b < n; b++) {
            int bh = b * h;
            rowDots(prob, b * out, w2, w2o, out, h, dHidden, bh);
            for (int j = 0; j < h; j++) {
                double act = hidden[bh + j];
                dHidden[bh + j] = dHidden[bh + j] * act * (1 - act);
            }
        }
        for (int j = 0; j < h; j++) {
            double s = 0;
            for (int b = 0; b < n; b++) {
                s += dHidden[b * h + j];
            }
            grad[l.b1() + j] = s;
        }
    }

    /**
     * {@code to[at+r] = Σ_t x[xo+t]·m[mo+r·len+t]} for rows r of m, each summed from 0 over t ascending.
     * Four rows per pass, each sum in a register of its own: one sum is a chain of dependent additions
     * that waits on each one, four chains advance together (the logits and ∂L/∂hidden ran about a tenth
     * faster so). The sums and their order are those of one row at a time, so the bits are too.
     */
    private static void rowDots(double[] x, int xo, double[] m, int mo, int len, int rows, double[] to, int at) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int m0 = mo + r * len, m1 = m0 + len, m2 = m1 + len, m3 = m2 + len;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int t = 0; t < len; t++) {
                double v = x[xo + t];
                s0 += v * m[m0 + t];
                s1 += v * m[m1 + t];
                s2 += v * m[m2 + t];
                s3 += v * m[m3 + t];
            }
            to[at + r] = s0;
            to[at + r + 1] = s1;
            to[at + r + 2] = s2;
            to[at + r + 3] = s3;
        }
        for (; r < rows; r++) {
            int mr = mo + r * len;
            double s = 0;
            for (int t = 0; t < len; t++) {
                s += x[xo + t] * m[mr + t];
            }
            to[at + r] = s;
        }
    }

    /** ∂L/∂W1 = Xᵀ·dHidden added into {@code grad}'s W1 block, which must be zero on the minibatch's pixels. */
    static void addFirstLayerGradient(ParameterLayout l, SparseRows train, int[] batch, int n, double[] dHidden,
                                      double[] grad) {
        int h = l.hidden();
        for (int b = 0; b < n; b++) {
            int row = batch[b], bh = b * h;
            for (int e = train.start[row]; e < train.start[row + 1]; e++) {
                double v = train.val[e];
                int w = l.w1() + train.col[e] * h;
                for (int j = 0; j < h; j++) {
                    grad[w + j] += v * dHidden[bh + j];
                }
            }
        }
    }
}
