package org.lrsearch.cnn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Seeds;

/**
 * The shapes of a CNN on one input shape and where each tensor sits in the flat parameter vector:
 * {@code conv1.W} [out][in][kh][kw], {@code conv1.b}, …, {@code dense1.W} [in][out], {@code dense1.b}, …,
 * {@code out.W} [in][out], {@code out.b} (docs/CNN.md).
 */
final class CnnLayout {
    /** One convolution layer: {@code in} channels of h×w to {@code out} of ho×wo, pooled to hp×wp. */
    record Conv(int in, int out, int k, int h, int w, int ho, int wo, int hp, int wp, int wOff, int bOff) {
        /** Rows of the layer's weight matrix: the patch size in·k·k. */
        int patch() {
            return in * k * k;
        }
    }

    /** One dense layer, weights [in][out]. */
    record Dense(int in, int out, int wOff, int bOff) {
    }

    final int channels;
    final int height;
    final int width;
    final Conv[] conv;
    /** Hidden dense layers, then the output layer. */
    final Dense[] dense;
    final int size;
    final String[] names;
    final int[] offsets;

    /**
     * @throws InvalidOptionException naming the layer and its sizes when a feature map would shrink below 1×1
     */
    CnnLayout(int[] shape, CnnOptions o, int classes) {
        channels = shape[0];
        height = shape[1];
        width = shape[2];
        List<Map<String, Integer>> spec = o.conv();
        conv = new Conv[spec.size()];
        dense = new Dense[o.dense().size() + 1];
        names = new String[2 * (conv.length + dense.length)];
        offsets = new int[names.length + 1];
        int c = channels, h = height, w = width, off = 0, t = 0;
        for (int l = 0; l < conv.length; l++) {
            int f = spec.get(l).get("filters"), k = spec.get(l).get("kernel");
            int ho = h - k + 1, wo = w - k + 1;
            if (ho < 2 || wo < 2) {
                throw new InvalidOptionException("conv", o.conv(), "layer conv" + (l + 1) + ": a " + k + "×" + k
                        + " kernel on a " + h + "×" + w + " feature map leaves " + Math.max(ho, 0) + "×"
                        + Math.max(wo, 0) + ", which 2×2 pooling shrinks below 1×1 (input " + Arrays.toString(shape)
                        + "); use fewer or smaller layers");
            }
            conv[l] = new Conv(c, f, k, h, w, ho, wo, ho / 2, wo / 2, off, off + f * c * k * k);
            names[t] = "conv" + (l + 1) + ".W";
            offsets[t++] = off;
            off += f * c * k * k;
            names[t] = "conv" + (l + 1) + ".b";
            offsets[t++] = off;
            off += f;
            c = f;
            h = ho / 2;
            w = wo / 2;
        }
        int in = c * h * w;
        for (int l = 0; l < dense.length; l++) {
            int out = l < dense.length - 1 ? o.dense().get(l) : classes;
            dense[l] = new Dense(in, out, off, off + in * out);
            String name = l < dense.length - 1 ? "dense" + (l + 1) : "out";
            names[t] = name + ".W";
            offsets[t++] = off;
            off += in * out;
            names[t] = name + ".b";
            offsets[t++] = off;
            off += out;
            in = out;
        }
        offsets[t] = off;
        size = off;
    }

    /** Values per input image. */
    int features() {
        return channels * height * width;
    }

    /** Draws the weights layer by layer in the flat order; biases 0. */
    void initialize(double[] theta, long seed, CnnOptions o) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "init"));
        Arrays.fill(theta, 0);
        boolean he = o.init().equals("he");
        for (Conv l : conv) {
            draw(theta, l.wOff, l.bOff, he ? Math.sqrt(2.0 / l.patch()) : o.std(), rng);
        }
        for (int l = 0; l < dense.length; l++) {
            Dense d = dense[l];
            double gain = l == dense.length - 1 ? 1.0 : 2.0;
            draw(theta, d.wOff, d.bOff, he ? Math.sqrt(gain / d.in) : o.std(), rng);
        }
    }

    private static void draw(double[] theta, int from, int to, double std, SplittableRandom rng) {
        for (int i = from; i < to; i++) {
            theta[i] = std * rng.nextGaussian();
        }
    }

    LinkedHashMap<String, double[]> tensors(double[] theta) {
        LinkedHashMap<String, double[]> m = new LinkedHashMap<>();
        for (int t = 0; t < names.length; t++) {
            m.put(names[t], Arrays.copyOfRange(theta, offsets[t], offsets[t + 1]));
        }
        return m;
    }

    void setTensors(Map<String, double[]> tensors, double[] theta) {
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
