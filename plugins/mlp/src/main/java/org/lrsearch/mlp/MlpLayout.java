package org.lrsearch.mlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lrsearch.api.Seeds;

/**
 * Where each layer's weights and biases sit in the flat parameter vector: W1, b1, W2, b2, …, weights
 * row-major (fan-in × fan-out); and the initial draw, in the same order as two-layer-net's.
 *
 * @param width the layer widths, input first, output last
 * @param wOff  offset of layer l's weights (index 1..L)
 * @param bOff  offset of layer l's biases
 * @param size  the number of parameters
 */
record MlpLayout(int[] width, int[] wOff, int[] bOff, int size) {

    static MlpLayout of(int[] width) {
        int layers = width.length - 1;
        int[] w = new int[layers + 1], b = new int[layers + 1];
        int off = 0;
        for (int l = 1; l <= layers; l++) {
            w[l] = off;
            off += width[l - 1] * width[l];
            b[l] = off;
            off += width[l];
        }
        return new MlpLayout(width, w, b, off);
    }

    int layers() {
        return width.length - 1;
    }

    /** Weights N(0, std²) in flat order layer by layer, as two-layer-net draws W1 then W2; biases 0. */
    void initialize(double[] theta, long seed, MlpOptions o) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "init"));
        Arrays.fill(theta, 0);
        for (int l = 1; l <= layers(); l++) {
            double std = o.init().equals("he") ? Math.sqrt(2.0 / width[l - 1]) : o.initStd();
            for (int i = wOff[l]; i < bOff[l]; i++) {
                theta[i] = std * rng.nextGaussian();
            }
        }
    }

    LinkedHashMap<String, double[]> tensors(double[] theta) {
        LinkedHashMap<String, double[]> m = new LinkedHashMap<>();
        for (int l = 1; l <= layers(); l++) {
            m.put("W" + l, Arrays.copyOfRange(theta, wOff[l], bOff[l]));
            m.put("b" + l, Arrays.copyOfRange(theta, bOff[l], bOff[l] + width[l]));
        }
        return m;
    }

    void setTensors(Map<String, double[]> tensors, double[] theta) {
        for (int l = 1; l <= layers(); l++) {
            put(tensors, "W" + l, theta, wOff[l], width[l - 1] * width[l]);
            put(tensors, "b" + l, theta, bOff[l], width[l]);
        }
    }

    private static void put(Map<String, double[]> tensors, String name, double[] theta, int off, int len) {
        double[] v = tensors.get(name);
        if (v == null || v.length != len) {
            throw new IllegalArgumentException(name + " needs " + len + " values, got " + (v == null ? "none" : v.length));
        }
        System.arraycopy(v, 0, theta, off, len);
    }
}
