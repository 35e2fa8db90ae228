package org.lrsearch.cnn;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.lrsearch.api.PaperLoss;

/**
 * The forward and backward passes of a {@link CnnLayout} over a block of images, every convolution as
 * im2col and a product (docs/CNN.md). Feature maps are held channel-major, [channel][image][row][column],
 * so that a convolution's product W·col lands in that same layout and the next layer's im2col copies
 * whole rows. One instance per thread: it owns its workspace.
 */
final class Passes {
    static final int RELU = 0, TANH = 1, SIGMOID = 2;

    private final CnnLayout layout;
    private final int act;
    private final Gemm products;
    /** The last block's workspace; one kept per block size, for passes that go backward and those that do not. */
    private Work work;
    private final Map<Integer, Work> works = new HashMap<>();

    Passes(CnnLayout layout, String activation, Gemm products) {
        this.layout = layout;
        this.act = CnnOptions.ACTIVATIONS.indexOf(activation);
        this.products = products;
    }

    /** Every intermediate of one block of {@code m} images, kept for the backward pass. */
    private static final class Work {
        final int m;
        final double[] input;
        /** Each convolution's im2col matrix, in the products' own memory ("wide" where only evaluated: {@link #convolve}). */
        final DoubleBuffer[] col;
        /** One image's rows of one im2col row, gathered before they go to {@link #col} in one call. */
        final double[] plane;
        final double[][] h, pooled;
        /** The backward pass's buffers, made on its first use (a block that is only evaluated never needs them). */
        double[][] dConv, dCol, dPooled;
        final int[][] arg;
        /** A block that is only evaluated: no pooling positions kept, pooling before the activation. */
        final boolean forwardOnly;
        /** a[0] the flattened features, a[l + 1] dense layer l's output; the last holds probabilities. */
        final double[][] a, dz;
        final double[] dx;

        /** The width of an output row in this block's maps: the input's where only evaluated (wide), else the layer's. */
        int width(CnnLayout.Conv c) {
            return forwardOnly ? c.w() : c.wo();
        }

        Work(CnnLayout layout, Gemm products, int m, boolean forwardOnly) {
            this.m = m;
            this.forwardOnly = forwardOnly;
            int n = layout.conv.length;
            // Every map a convolution reads ends in k − 1 spare values: its last wide im2col row reads past the map.
            input = new double[m * layout.features() + (n == 0 ? 0 : layout.conv[0].k() - 1)];
            col = new DoubleBuffer[n];
            int planeSize = 0;
            for (CnnLayout.Conv c : layout.conv) {
                planeSize = Math.max(planeSize, c.ho() * c.wo());
            }
            plane = new double[planeSize];
            h = new double[n][];
            pooled = new double[n][];
            arg = new int[n][];
            for (int l = 0; l < n; l++) {
                CnnLayout.Conv c = layout.conv[l];
                int positions = m * c.ho() * width(c);
                col[l] = products.operand(c.patch() * positions);
                h[l] = new double[c.out() * positions];
                int outputs = c.out() * m * c.hp() * c.wp();
                pooled[l] = new double[outputs + (l + 1 < n ? layout.conv[l + 1].k() - 1 : 0)];
                arg[l] = forwardOnly ? null : new int[outputs];
            }
            a = new double[layout.dense.length + 1][];
            dz = new double[layout.dense.length][];
            a[0] = new double[m * layout.dense[0].in()];
            int widest = layout.dense[0].in();
            for (int l = 0; l < layout.dense.length; l++) {
                a[l + 1] = new double[m * layout.dense[l].out()];
                dz[l] = new double[m * layout.dense[l].out()];
                widest = Math.max(widest, layout.dense[l].in());
            }
            dx = new double[m * widest];
        }
    }

    private Work work(int m, boolean forwardOnly) {
        work = works.computeIfAbsent(2 * m + (forwardOnly ? 1 : 0), x -> new Work(layout, products, m, forwardOnly));
        return work;
    }

    /**
     * The logits of {@code rows} of {@code values} at {@code p}, into the workspace; returns them (m × classes).
     *
     * @param forwardOnly true when no {@link #backward} follows (the same logits, less kept)
     */
    double[] logits(double[] p, double[] values, int[] rows, boolean forwardOnly) {
        Work w = work(rows.length, forwardOnly);
        int m = w.m, f = layout.features(), plane = layout.height * layout.width;
        for (int n = 0; n < m; n++) {
            for (int c = 0; c < layout.channels; c++) {
                System.arraycopy(values, rows[n] * f + c * plane, w.input, (c * m + n) * plane, plane);
            }
        }
        double[] in = w.input;
        for (int l = 0; l < layout.conv.length; l++) {
            convolve(layout.conv[l], p, in, w, l);
            in = w.pooled[l];
        }
        // Flatten [channel][image][pixel] to [image][channel, pixel].
        int maps = layout.conv.length == 0 ? layout.channels : layout.conv[layout.conv.length - 1].out();
        int px = layout.dense[0].in() / maps;
        for (int c = 0; c < maps; c++) {
            for (int n = 0; n < m; n++) {
                System.arraycopy(in, (c * m + n) * px, w.a[0], n * maps * px + c * px, px);
            }
        }
        for (int l = 0; l < layout.dense.length; l++) {
            CnnLayout.Dense d = layout.dense[l];
            double[] z = w.a[l + 1];
            products.multiply(false, false, m, d.out(), d.in(), w.a[l], 0, p, d.wOff(), z, 0);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < d.out(); j++) {
                    z[r * d.out() + j] += p[d.bOff() + j];
                }
            }
            if (l < layout.dense.length - 1) {
                activate(z, 0, z.length, 0.0);
            }
        }
        return w.a[layout.dense.length];
    }

    /**
     * im2col, W·col + b, the activation and 2×2 max-pooling (first maximum in row-major order).
     *
     * <p>Where nothing goes backward the im2col matrix is "wide": each output row has the input's width W,
     * not the layer's wo, so that an image's part of an im2col row is one contiguous run of the input map,
     * ho·W values copied in one call, instead of ho runs of wo values gathered first (conv2's are 8 long,
     * and a copy to off-heap memory costs tens of ns whatever its length). The last W − wo columns of each
     * output row read past the row's edge: computed, never read by pooling. Each output that is read is the
     * same sum, in the same order, as in a plain im2col. Measured with JMH: evaluation 15% faster, a
     * training iteration about 8% slower (conv2's products grow by half), hence plain where a gradient follows.
     */
    private void convolve(CnnLayout.Conv c, double[] p, double[] in, Work w, int l) {
        int m = w.m, k = c.k(), ho = c.ho(), wo = c.wo(), width = w.width(c), plane = ho * width, n = m * plane;
        DoubleBuffer col = w.col[l];
        double[] h = w.h[l];
        for (int ch = 0; ch < c.in(); ch++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    int row = ((ch * k + i) * k + j) * n;
                    for (int img = 0; img < m; img++) {
                        int src = ((ch * m + img) * c.h() + i) * c.w() + j;
                        if (width == c.w()) {
                            col.put(row + img * plane, in, src, plane);
                        } else {
                            for (int y = 0; y < ho; y++) {
                                System.arraycopy(in, src + y * c.w(), w.plane, y * wo, wo);
                            }
                            col.put(row + img * plane, w.plane, 0, plane);
                        }
                    }
                }
            }
        }
        products.multiply(false, false, c.out(), n, c.patch(), p, c.wOff(), col, h, 0);
        if (w.forwardOnly) {
            // max(act(z + b)) = act(max(z) + b) exactly, act and rounding being non-decreasing: pool first,
            // and add the bias and apply the activation to a quarter of the values.
            Pooling.values(h, w.pooled[l], c.out() * m, c, width);
            for (int f = 0; f < c.out(); f++) {
                int px = m * c.hp() * c.wp();
                activate(w.pooled[l], f * px, (f + 1) * px, p[c.bOff() + f]);
            }
            return;
        }
        for (int f = 0; f < c.out(); f++) {
            activate(h, f * n, (f + 1) * n, p[c.bOff() + f]);
        }
        Pooling.withPositions(h, w.pooled[l], w.arg[l], c.out() * m, c, wo);
    }

    /** v[i] ← act(v[i] + b) for i in [from, to), one loop per activation so that relu's vectorises. */
    private void activate(double[] v, int from, int to, double b) {
        switch (act) {
            case RELU -> {
                // Math.max vectorises where a comparison does not (3.6× here), and keeps NaN as PyTorch does.
                for (int i = from; i < to; i++) {
                    v[i] = Math.max(v[i] + b, 0.0);
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    v[i] = Math.tanh(v[i] + b);
                }
            }
            default -> {
                for (int i = from; i < to; i++) {
                    v[i] = 1.0 / (1.0 + Math.exp(-(v[i] + b)));
                }
            }
        }
    }

    /** act'(x) from the activation's output a (relu'(0) = 0). */
    private double slope(double a) {
        return switch (act) {
            case RELU -> a > 0 ? 1.0 : 0.0;
            case TANH -> 1 - a * a;
            default -> a * (1 - a);
        };
    }

    /** Softmax of the last logits in place; the mean of −log(p[label] + 1e-7) over the block. */
    double loss(int[] labels, int[] rows) {
        int classes = layout.dense[layout.dense.length - 1].out();
        return PaperLoss.softmaxMean(work.a[layout.dense.length], rows.length, classes, b -> labels[rows[b]]);
    }

    /**
     * The gradient of −mean(log p[label]) at {@code p} into {@code grad}, after {@link #logits} and
     * {@link #loss} on the same rows: (p − onehot)/m at the output, then back through every layer.
     */
    void backward(double[] p, int[] labels, int[] rows, double[] grad) {
        Work w = work;
        int m = w.m, last = layout.dense.length - 1;
        double[] delta = w.dz[last];
        System.arraycopy(w.a[last + 1], 0, delta, 0, delta.length);
        int classes = layout.dense[last].out();
        for (int b = 0; b < m; b++) {
            delta[b * classes + labels[rows[b]]] -= 1;
        }
        for (int i = 0; i < delta.length; i++) {
            delta[i] /= m;
        }
        for (int l = last; l >= 0; l--) {
            CnnLayout.Dense d = layout.dense[l];
            delta = w.dz[l];
            products.multiply(true, false, d.in(), d.out(), m, w.a[l], 0, delta, 0, grad, d.wOff());
            columnSums(delta, m, d.out(), grad, d.bOff());
            if (l == 0 && layout.conv.length == 0) {
                break;
            }
            products.multiply(false, true, m, d.in(), d.out(), delta, 0, p, d.wOff(), w.dx, 0);
            if (l > 0) {
                double[] below = w.dz[l - 1], a = w.a[l];
                for (int i = 0; i < m * d.in(); i++) {
                    below[i] = w.dx[i] * slope(a[i]);
                }
            }
        }
        if (layout.conv.length > 0) {
            convBackward(p, w, grad);
        }
    }

    /** Through every convolution layer, from ∂L/∂(flattened features) in {@code w.dx}. */
    private void convBackward(double[] p, Work w, double[] grad) {
        int m = w.m, top = layout.conv.length - 1;
        if (w.dConv == null) {
            w.dConv = new double[top + 1][];
            w.dCol = new double[top + 1][];
            w.dPooled = new double[top + 1][];
            for (int l = 0; l <= top; l++) {
                w.dConv[l] = new double[w.h[l].length];
                w.dCol[l] = l == 0 ? null : new double[w.col[l].capacity()];
                w.dPooled[l] = new double[w.pooled[l].length];
            }
        }
        CnnLayout.Conv c = layout.conv[top];
        int px = c.hp() * c.wp();
        double[] dPooled = w.dPooled[top];
        for (int n = 0; n < m; n++) {
            for (int f = 0; f < c.out(); f++) {
                System.arraycopy(w.dx, n * c.out() * px + f * px, dPooled, (f * m + n) * px, px);
            }
        }
        for (int l = top; l >= 0; l--) {
            c = layout.conv[l];
            int positions = m * c.ho() * c.wo();
            double[] h = w.h[l], dz = w.dConv[l];
            Arrays.fill(dz, 0.0);
            int[] arg = w.arg[l];
            for (int o = 0; o < arg.length; o++) {
                dz[arg[o]] = dPooled[o] * slope(h[arg[o]]);
            }
            products.multiply(false, true, c.out(), c.patch(), positions, dz, 0, w.col[l], grad, c.wOff());
            rowSums(dz, c.out(), positions, grad, c.bOff());
            if (l == 0) {
                break;
            }
            double[] dcol = w.dCol[l];
            products.multiply(true, false, c.patch(), positions, c.out(), p, c.wOff(), dz, 0, dcol, 0);
            dPooled = w.dPooled[l - 1];
            Arrays.fill(dPooled, 0.0);
            int k = c.k(), ho = c.ho(), wo = c.wo();
            for (int ch = 0; ch < c.in(); ch++) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int row = ((ch * k + i) * k + j) * positions;
                        for (int img = 0; img < m; img++) {
                            int dst = ((ch * m + img) * c.h() + i) * c.w() + j, src = row + img * ho * wo;
                            for (int y = 0; y < ho; y++) {
                                for (int x = 0; x < wo; x++) {
                                    dPooled[dst + y * c.w() + x] += dcol[src + y * wo + x];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Column sums of an r × c block into {@code out[off..off + c)}. */
    private static void columnSums(double[] v, int r, int c, double[] out, int off) {
        Arrays.fill(out, off, off + c, 0.0);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[off + j] += v[i * c + j];
            }
        }
    }

    /** Row sums of an r × c block into {@code out[off..off + r)}. */
    private static void rowSums(double[] v, int r, int c, double[] out, int off) {
        for (int i = 0; i < r; i++) {
            double s = 0;
            for (int j = 0; j < c; j++) {
                s += v[i * c + j];
            }
            out[off + i] = s;
        }
    }
}
