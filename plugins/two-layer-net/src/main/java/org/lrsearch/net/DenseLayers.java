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
            // Four classes' sums at a time, each in a register of its own: one class's sum is a chain of
            // dependent additions that waits on each one, four chains advance together. Each sum is
            // still taken from 0 over j ascending, so the bits are the same.
            int k = 0;
            for (; k + 4 <= out; k += 4) {
                int k0 = k * h, k1 = k0 + h, k2 = k1 + h, k3 = k2 + h;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int j = 0; j < h; j++) {
                    double x = hidden[bh + j];
                    s0 += x * w2T[k0 + j];
                    s1 += x * w2T[k1 + j];
                    s2 += x * w2T[k2 + j];
                    s3 += x * w2T[k3 + j];
                }
                prob[bo + k] = s0 + b2[b2o + k];
                prob[bo + k + 1] = s1 + b2[b2o + k + 1];
                prob[bo + k + 2] = s2 + b2[b2o + k + 2];
                prob[bo + k + 3] = s3 + b2[b2o + k + 3];
            }
            for (; k < out; k++) {
                double s = 0;
                int kh = k * h;
                for (int j = 0; j < h; j++) {
                    s += hidden[bh + j] * w2T[kh + j];
                }
                prob[bo + k] = s + b2[b2o + k];
            }
            double max = Double.NEGATIVE_INFINITY;
            for (k = 0; k < out; k++) {
                if (prob[bo + k] > max) {
                    max = prob[bo + k];
                }
            }
            double sum = 0;
            for (k = 0; k < out; k++) {
                double e = Math.exp(prob[bo + k] - max);
                prob[bo + k] = e;
                sum += e;
            }
            for (k = 0; k < out; k++) {
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
        // ∂L/∂hidden, four hidden units' sums at a time in registers of their own (as the forward pass).
        for (int b = 0; b < n; b++) {
            int bo = b * out, bh = b * h;
            int j = 0;
            for (; j + 4 <= h; j += 4) {
                int r0 = w2o + j * out, r1 = r0 + out, r2 = r1 + out, r3 = r2 + out;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int k = 0; k < out; k++) {
                    double p = prob[bo + k];
                    s0 += p * w2[r0 + k];
                    s1 += p * w2[r1 + k];
                    s2 += p * w2[r2 + k];
                    s3 += p * w2[r3 + k];
                }
                dHidden[bh + j] = derivative(s0, hidden[bh + j]);
                dHidden[bh + j + 1] = derivative(s1, hidden[bh + j + 1]);
                dHidden[bh + j + 2] = derivative(s2, hidden[bh + j + 2]);
                dHidden[bh + j + 3] = derivative(s3, hidden[bh + j + 3]);
            }
            for (; j < h; j++) {
                double s = 0;
                for (int k = 0; k < out; k++) {
                    s += prob[bo + k] * w2[w2o + j * out + k];
                }
                dHidden[bh + j] = derivative(s, hidden[bh + j]);
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

    /** ∂L/∂z1 from ∂L/∂hidden {@code s} through the sigmoid's derivative at its value {@code act}. */
    private static double derivative(double s, double act) {
        return s * act * (1 - act);
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
