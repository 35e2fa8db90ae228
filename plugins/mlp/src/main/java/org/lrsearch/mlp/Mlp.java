package org.lrsearch.mlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.FlatParameterModel;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.PaperLoss;
import org.lrsearch.api.Samples;

/**
 * A multilayer perceptron on plain arrays: {@code x → (W1,b1 → act) → … → (WL,bL → act) → W,b →
 * softmax}, with the paper's loss {@code -mean(log(p[label] + 1e-7))}. Parameters in the flat order
 * W1, b1, W2, b2, …; weights row-major (fan-in × fan-out). With one hidden layer and sigmoid it is
 * the paper's network, drawn from the same initial weights for the same seed as {@code two-layer-net}
 * and summed in the same order; it computes every pass directly instead of through that plugin's
 * low-rank kernel, so it is slower and agrees with it to rounding.
 */
final class Mlp extends FlatParameterModel {

    private final MlpLayout layout;
    private final int[] width;
    private final int layers;
    private final int[] wOff;
    private final int[] bOff;
    private final int size;
    private final String activation;
    private final MlpOptions options;
    private final SparseInput train;
    private final SparseInput test;
    private final int out;

    /** Activations of every layer for the current minibatch at θ: acts[l] is layer l's output (l ≥ 1). */
    private double[][] acts;
    private double[] probs;

    Mlp(FewShotTask task, MlpOptions o) {
        this(task, o, MlpLayout.of(widths(task, o)));
    }

    private Mlp(FewShotTask task, MlpOptions o, MlpLayout layout) {
        super(layout.size());
        this.options = o;
        this.activation = o.activation();
        this.out = task.classes();
        this.layout = layout;
        this.width = layout.width();
        this.layers = layout.layers();
        this.wOff = layout.wOff();
        this.bOff = layout.bOff();
        this.size = layout.size();
        train = new SparseInput(task.train());
        test = new SparseInput(task.test());
    }

    /** Layer widths: the input's features, the hidden layers, the classes. */
    private static int[] widths(FewShotTask task, MlpOptions o) {
        List<Integer> hidden = o.layers();
        int[] widths = new int[hidden.size() + 2];
        widths[0] = task.train().features();
        for (int i = 0; i < hidden.size(); i++) {
            widths[i + 1] = hidden.get(i);
        }
        widths[widths.length - 1] = task.classes();
        return widths;
    }

    @Override
    public void initialize(long seed) {
        layout.initialize(theta, seed, options);
    }

    @Override
    public LinkedHashMap<String, double[]> tensors() {
        return layout.tensors(theta);
    }

    @Override
    public void setTensors(Map<String, double[]> tensors) {
        layout.setTensors(tensors, theta);
    }

    @Override
    public double gradient(int[] rows) {
        useBatch(rows, train.count);
        acts = new double[layers + 1][];
        probs = new double[rows.length * out];
        double loss = forward(theta, train, rows, acts, probs);
        backward(theta, rows, acts, probs.clone(), g);
        return loss;
    }

    @Override
    public double lossAt(double[] p, LossScope scope) {
        int[] rows = scope == LossScope.MINIBATCH ? batch : allRows(train.count);
        return forward(p, train, rows, new double[layers + 1][], new double[rows.length * out]);
    }

    @Override
    public void gradientAt(double[] p, double[] dst) {
        double[][] a = new double[layers + 1][];
        double[] pr = new double[batch.length * out];
        forward(p, train, batch, a, pr);
        Arrays.fill(dst, 0.0);
        backward(p, batch, a, pr, dst);
    }

    @Override
    public double trainLoss() {
        int[] rows = allRows(train.count);
        return forward(theta, train, rows, new double[layers + 1][], new double[rows.length * out]);
    }

    @Override
    public double testAccuracy() {
        return accuracy(test);
    }

    @Override
    public double trainAccuracy() {
        return accuracy(train);
    }

    @Override
    public double accuracy(Samples samples) {
        return accuracy(new SparseInput(samples));
    }

    private double accuracy(SparseInput set) {
        int[] rows = allRows(set.count);
        double[] logits = new double[rows.length * out];
        logits(theta, set, rows, new double[layers + 1][], logits);
        int correct = correct(logits, rows.length, out, r -> set.labels[r]);
        return rows.length == 0 ? Double.NaN : (double) correct / rows.length;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    // ---- passes ---------------------------------------------------------------------------

    /** Output-layer logits into {@code logits}; {@code acts[l]} receives each hidden layer's output. */
    private void logits(double[] p, SparseInput set, int[] rows, double[][] acts, double[] logits) {
        int m = rows.length;
        // First layer from the sparse input: Σ over non-zero features in order, then the bias.
        int w1 = width[1];
        double[] z = new double[m * w1];
        for (int b = 0; b < m; b++) {
            int r = rows[b];
            for (int e = set.start[r]; e < set.start[r + 1]; e++) {
                double v = set.val[e];
                int wr = wOff[1] + set.col[e] * w1;
                for (int j = 0; j < w1; j++) {
                    z[b * w1 + j] += v * p[wr + j];
                }
            }
        }
        double[] a = activate(z, p, bOff[1], m, w1);
        acts[1] = a;
        for (int l = 2; l <= layers; l++) {
            int fanIn = width[l - 1], fanOut = width[l];
            double[] next = l == layers ? logits : new double[m * fanOut];
            MatrixBackend backend = Backends.choose(options.backend(), (long) m * fanIn * fanOut);
            if (backend != null) {
                double[] w = Arrays.copyOfRange(p, wOff[l], bOff[l]);
                double[] product = backend.multiply(a, m, fanIn, w, fanOut);
                for (int i = 0; i < product.length; i++) {
                    next[i] = product[i] + (l == layers ? p[bOff[l] + i % fanOut] : 0);
                }
            } else {
                for (int b = 0; b < m; b++) {
                    for (int k = 0; k < fanOut; k++) {
                        double s = 0;
                        for (int j = 0; j < fanIn; j++) {
                            s += a[b * fanIn + j] * p[wOff[l] + j * fanOut + k];
                        }
                        next[b * fanOut + k] = s + (l == layers ? p[bOff[l] + k] : 0);
                    }
                }
            }
            if (l < layers) {
                a = activate(next, p, bOff[l], m, fanOut);
                acts[l] = a;
            }
        }
    }

    /** act(z + b) in place, returns z. */
    private double[] activate(double[] z, double[] p, int b, int m, int w) {
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < w; j++) {
                double x = z[r * w + j] + p[b + j];
                z[r * w + j] = switch (activation) {
                    case "sigmoid" -> 1.0 / (1.0 + Math.exp(-x));
                    case "tanh" -> Math.tanh(x);
                    default -> x > 0 ? x : 0;
                };
            }
        }
        return z;
    }

    /** Softmax of the logits into {@code prob}; returns the mean cross-entropy with the paper's guard. */
    private double forward(double[] p, SparseInput set, int[] rows, double[][] acts, double[] prob) {
        logits(p, set, rows, acts, prob);
        return PaperLoss.softmaxMean(prob, rows.length, out, b -> set.labels[rows[b]]);
    }

    /** The mean loss's gradient at {@code p} into {@code grad}; {@code prob} (overwritten) holds the softmax. */
    private void backward(double[] p, int[] rows, double[][] acts, double[] prob, double[] grad) {
        int m = rows.length;
        for (int b = 0; b < m; b++) {
            prob[b * out + train.labels[rows[b]]] -= 1;
        }
        for (int i = 0; i < m * out; i++) {
            prob[i] /= m;
        }
        double[] delta = prob;
        for (int l = layers; l >= 1; l--) {
            int fanIn = width[l - 1], fanOut = width[l];
            Arrays.fill(grad, wOff[l], bOff[l] + fanOut, 0.0);
            if (l > 1) {
                double[] a = acts[l - 1];
                for (int b = 0; b < m; b++) {
                    for (int j = 0; j < fanIn; j++) {
                        double aj = a[b * fanIn + j];
                        int gr = wOff[l] + j * fanOut;
                        for (int k = 0; k < fanOut; k++) {
                            grad[gr + k] += aj * delta[b * fanOut + k];
                        }
                    }
                }
            } else {
                for (int b = 0; b < m; b++) {
                    int r = rows[b];
                    for (int e = train.start[r]; e < train.start[r + 1]; e++) {
                        double v = train.val[e];
                        int gr = wOff[1] + train.col[e] * fanOut;
                        for (int k = 0; k < fanOut; k++) {
                            grad[gr + k] += v * delta[b * fanOut + k];
                        }
                    }
                }
            }
            for (int k = 0; k < fanOut; k++) {
                double s = 0;
                for (int b = 0; b < m; b++) {
                    s += delta[b * fanOut + k];
                }
                grad[bOff[l] + k] = s;
            }
            if (l > 1) {
                double[] a = acts[l - 1];
                double[] below = new double[m * fanIn];
                for (int b = 0; b < m; b++) {
                    for (int j = 0; j < fanIn; j++) {
                        double s = 0;
                        for (int k = 0; k < fanOut; k++) {
                            s += delta[b * fanOut + k] * p[wOff[l] + j * fanOut + k];
                        }
                        double act = a[b * fanIn + j];
                        below[b * fanIn + j] = s * switch (activation) {
                            case "sigmoid" -> act * (1 - act);
                            case "tanh" -> 1 - act * act;
                            default -> act > 0 ? 1.0 : 0.0;
                        };
                    }
                }
                delta = below;
            }
        }
    }
}
