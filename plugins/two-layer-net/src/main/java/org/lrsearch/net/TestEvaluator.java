package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Computes the network's output logits on a whole example set at given parameters. */
interface TestEvaluator {

    /** Logits, {@code samples.count() × out}, row-major. */
    double[] logits(ParameterLayout layout, double[] theta, Samples samples);

    /**
     * The output layer for one example: sigmoid of {@code z[zo..zo+h)} plus b1 (in place), then
     * logits {@code (Σ_j hidden_j·W2[j][k]) + b2[k]} into {@code logits[lo..lo+out)}, j in order.
     *
     * @param w2T W2 transposed ({@link ParameterLayout#transposeW2}), so each sum reads contiguous memory
     */
    static void outputLayer(ParameterLayout l, double[] theta, double[] w2T, double[] z, int zo, double[] logits, int lo) {
        int h = l.hidden();
        for (int j = 0; j < h; j++) {
            z[zo + j] = 1.0 / (1.0 + Math.exp(-(z[zo + j] + theta[l.b1() + j])));
        }
        for (int k = 0; k < l.out(); k++) {
            double s = 0;
            int kh = k * h;
            for (int j = 0; j < h; j++) {
                s += z[zo + j] * w2T[kh + j];
            }
            logits[lo + k] = s + theta[l.b2() + k];
        }
    }

    /**
     * Logits of {@code count} examples from their pre-activations {@code z} ({@code count × h},
     * row-major, without b1; overwritten with the hidden values), by {@link #outputLayer}.
     */
    static double[] logits(ParameterLayout l, double[] theta, double[] z, int count) {
        int h = l.hidden(), out = l.out();
        double[] w2T = new double[h * out];
        l.transposeW2(theta, l.w2(), w2T);
        double[] logits = new double[count * out];
        for (int i = 0; i < count; i++) {
            outputLayer(l, theta, w2T, z, i * h, logits, i * out);
        }
        return logits;
    }

    /** Index of the largest of {@code logits[lo..lo+out)}, the first on ties (as NumPy's argmax). */
    static int argmax(double[] logits, int lo, int out) {
        int best = 0;
        for (int k = 1; k < out; k++) {
            if (logits[lo + k] > logits[lo + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Share of rows whose largest logit ({@link #argmax}) is the label. */
    static double accuracy(double[] logits, int out, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(logits, i * out, out) == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }
}
