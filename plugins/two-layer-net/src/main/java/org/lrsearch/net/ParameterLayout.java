package org.lrsearch.net;

/**
 * Where each tensor of the two-layer net sits in the flat parameter vector θ:
 * W1 ({@code in×h}, row-major), b1 ({@code h}), W2 ({@code h×out}), b2 ({@code out}).
 */
record ParameterLayout(int in, int hidden, int out) {
    int w1() {
        return 0;
    }

    int b1() {
        return in * hidden;
    }

    int w2() {
        return b1() + hidden;
    }

    int b2() {
        return w2() + hidden * out;
    }

    int size() {
        return b2() + out;
    }

    /**
     * The paper's initial parameters into {@code theta}: N(0, std²) weights, W1 then W2 from the run's
     * seed, and zero biases.
     */
    void initialise(long seed, double std, double[] theta) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(org.lrsearch.api.Seeds.derive(seed, "init"));
        java.util.Arrays.fill(theta, 0);
        for (int i = w1(); i < b1(); i++) {
            theta[i] = std * rng.nextGaussian();
        }
        for (int i = w2(); i < b2(); i++) {
            theta[i] = std * rng.nextGaussian();
        }
    }

    /** W2 ({@code hidden×out}, at {@code offset} in {@code from}) transposed into {@code to} ({@code out×hidden}). */
    void transposeW2(double[] from, int offset, double[] to) {
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < out; k++) {
                to[k * hidden + j] = from[offset + j * out + k];
            }
        }
    }

    /** θ's tensors by name, copied: W1 (in×hidden), b1, W2 (hidden×out), b2. */
    java.util.LinkedHashMap<String, double[]> tensors(double[] theta) {
        java.util.LinkedHashMap<String, double[]> m = new java.util.LinkedHashMap<>();
        m.put("W1", java.util.Arrays.copyOfRange(theta, w1(), b1()));
        m.put("b1", java.util.Arrays.copyOfRange(theta, b1(), w2()));
        m.put("W2", java.util.Arrays.copyOfRange(theta, w2(), b2()));
        m.put("b2", java.util.Arrays.copyOfRange(theta, b2(), size()));
        return m;
    }

    /** Writes the named tensors into θ, each checked for its size. */
    void setTensors(java.util.Map<String, double[]> tensors, double[] theta) {
        int[] offsets = {w1(), b1(), w2(), b2(), size()};
        String[] names = {"W1", "b1", "W2", "b2"};
        for (int t = 0; t < names.length; t++) {
            double[] v = tensors.get(names[t]);
            int len = offsets[t + 1] - offsets[t];
            if (v == null || v.length != len) {
                throw new IllegalArgumentException(names[t] + " needs " + len + " values, got "
                        + (v == null ? "none" : v.length));
            }
            System.arraycopy(v, 0, theta, offsets[t], len);
        }
    }
}
