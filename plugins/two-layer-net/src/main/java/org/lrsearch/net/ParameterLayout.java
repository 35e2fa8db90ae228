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

    /** W2 ({@code hidden×out}, at {@code offset} in {@code from}) transposed into {@code to} ({@code out×hidden}). */
    void transposeW2(double[] from, int offset, double[] to) {
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < out; k++) {
                to[k * hidden + j] = from[offset + j * out + k];
            }
        }
    }
}
