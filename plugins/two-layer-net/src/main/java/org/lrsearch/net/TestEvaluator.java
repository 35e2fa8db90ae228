package org.lrsearch.net;

import org.lrsearch.api.Samples;

/** Computes the network's output logits on a whole example set at given parameters. */
interface TestEvaluator {

    /** Logits, {@code samples.count() × out}, row-major. */
    double[] logits(Layout layout, double[] theta, Samples samples);

    /** Share of rows whose largest logit (first on ties, as NumPy's argmax) is the label. */
    static double accuracy(double[] logits, int out, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            double max = logits[i * out];
            for (int k = 1; k < out; k++) {
                if (logits[i * out + k] > max) {
                    max = logits[i * out + k];
                    best = k;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? Double.NaN : (double) correct / labels.length;
    }
}
