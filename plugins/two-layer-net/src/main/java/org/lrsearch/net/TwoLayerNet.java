package org.lrsearch.net;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.Samples;
import org.lrsearch.api.Seeds;

/**
 * The paper's network, {@code x → W1,b1 → sigmoid → W2,b2 → softmax}, with mean cross-entropy
 * {@code -mean(log(p[label] + 1e-7))}, trained on plain {@code double} arrays.
 *
 * <p>Why it is fast at batch 2–8: every update is θ ← θ − η·g with {@code ∂L/∂W1 = Xᵀ·dh} over
 * k-shot images, so W1 only ever moves along the N training images:
 * {@code W1(t) = W1(0) + X_trainᵀ·A(t)} with A of size N×h. The kernel keeps A and the training
 * set's first-layer pre-activations {@code Z = X_train·W1(t)} (N×h) instead of W1 itself: a
 * minibatch's forward pass reads its rows of Z, an update adds {@code −η·(X·Xᵀ)·dh} to Z through the
 * k-shot Gram matrix, and a trial point θ − η·g never materialises W1 either. W1 is rebuilt only
 * when asked for ({@link #tensors()}, direct evaluators), and ∂L/∂W1 only when the sign-change
 * measure needs it. Nothing is approximated; sums are only associated differently (tested against
 * direct arithmetic to 1e-12 and against the golden traces). Nothing is allocated per iteration.
 */
final class TwoLayerNet implements Model {
    private static final double LOG_GUARD = 1e-7;

    private final Layout l;
    private final int h;
    private final int out;
    private final int nTrain;
    private final double initStd;
    private final SparseRows train;
    private final int[] trainLabels;
    private final Samples test;
    private final TestEvaluator evaluator;
    /** Evaluates the test set from A; null when a direct evaluator is chosen. */
    private final IncrementalTestEvaluator incremental;
    /** Gram matrix of the training set, {@code N×N}. */
    private final double[] gram;

    /** θ; its W1 block is current only while {@link #w1Current}. */
    private final double[] theta;
    private boolean w1Current;
    /** W1(0), where A started. */
    private double[] w1Origin;
    /** A(t), N×h: W1(t) = W1(0) + X_trainᵀ·A(t). */
    private final double[] a;
    /** X_train·W1(t), N×h, bias not included. */
    private final double[] zTrain;

    /** g; its W1 block is current only while {@link #gW1Current}. */
    private final double[] g;
    private boolean gW1Current;
    private final boolean[] isActive;
    private final int[] active;
    private int activeCount;

    // State of the current iteration.
    private int[] batch = new int[0];
    private int n;
    private double[] z1 = new double[0];
    private double[] hb = new double[0];
    private double[] p = new double[0];
    private double[] dh = new double[0];
    private double[] d1 = new double[0];
    private boolean d1Current;
    private int[] batchLabels = new int[0];
    /** Gram coefficients of one training example against the minibatch. */
    private double[] coef = new double[0];
    private final double[] dz;

    // Trial-point scratch.
    private final double[] w2t;
    private final double[] w2tT;
    private final double[] w2T;
    private final double[] b2t;
    private double[] zt = new double[0];
    private double[] ht = new double[0];
    private double[] pt = new double[0];
    private double[] dht = new double[0];
    // Scratch of trial losses on the whole training set (lossOn: train-set), made on first use.
    private double[] setZ;
    private double[] setHidden;
    private double[] setProb;

    TwoLayerNet(FewShotTask task, int hidden, double initStd, TestEvaluator evaluator) {
        this(task, hidden, initStd, evaluator, false);
    }

    /** @param incrementalTest evaluate the task's test set through {@link IncrementalTestEvaluator} */
    TwoLayerNet(FewShotTask task, int hidden, double initStd, TestEvaluator evaluator, boolean incrementalTest) {
        this.l = new Layout(task.train().features(), hidden, task.classes());
        this.h = hidden;
        this.out = task.classes();
        this.initStd = initStd;
        this.train = SparseRows.build(task.train());
        this.trainLabels = task.train().labels();
        this.test = task.test();
        this.evaluator = evaluator;
        this.nTrain = train.count;
        this.gram = new double[nTrain * nTrain];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j <= i; j++) {
                double d = train.dot(i, j);
                gram[i * nTrain + j] = d;
                gram[j * nTrain + i] = d;
            }
        }
        this.theta = new double[l.size()];
        this.g = new double[l.size()];
        this.a = new double[nTrain * h];
        this.zTrain = new double[nTrain * h];
        this.dz = new double[h];
        this.isActive = new boolean[l.in()];
        this.active = new int[l.in()];
        this.w2t = new double[h * out];
        this.w2tT = new double[h * out];
        this.w2T = new double[h * out];
        this.b2t = new double[out];
        this.incremental = incrementalTest ? new IncrementalTestEvaluator(l, task.test(), task.train()) : null;
        restart();
    }

    Layout layout() {
        return l;
    }

    @Override
    public int parameterCount() {
        return l.size();
    }

    @Override
    public void initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "init"));
        Arrays.fill(theta, 0);
        for (int i = l.w1(); i < l.b1(); i++) {
            theta[i] = initStd * rng.nextGaussian();
        }
        for (int i = l.w2(); i < l.b2(); i++) {
            theta[i] = initStd * rng.nextGaussian();
        }
        restart();
    }

    /** θ's W1 was replaced: make it W1(0), clear A, recompute Z. */
    private void restart() {
        w1Origin = Arrays.copyOfRange(theta, l.w1(), l.b1());
        w1Current = true;
        gW1Current = false;
        Arrays.fill(a, 0.0);
        System.arraycopy(train.times(w1Origin, 0, h), 0, zTrain, 0, zTrain.length);
        if (incremental != null) {
            incremental.reset(w1Origin);
        }
    }

    @Override
    public LinkedHashMap<String, double[]> tensors() {
        materializeW1();
        LinkedHashMap<String, double[]> m = new LinkedHashMap<>();
        m.put("W1", Arrays.copyOfRange(theta, l.w1(), l.b1()));
        m.put("b1", Arrays.copyOfRange(theta, l.b1(), l.w2()));
        m.put("W2", Arrays.copyOfRange(theta, l.w2(), l.b2()));
        m.put("b2", Arrays.copyOfRange(theta, l.b2(), l.size()));
        return m;
    }

    @Override
    public void setTensors(Map<String, double[]> tensors) {
        int[] offsets = {l.w1(), l.b1(), l.w2(), l.b2(), l.size()};
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
        restart();
    }

    /** θ with W1 current (a live view: tests that edit it must call {@link #setTensors}). */
    double[] parameters() {
        materializeW1();
        return theta;
    }

    /** W1 = W1(0) + X_trainᵀ·A. */
    private void materializeW1() {
        if (w1Current) {
            return;
        }
        System.arraycopy(w1Origin, 0, theta, l.w1(), w1Origin.length);
        for (int t = 0; t < nTrain; t++) {
            for (int e = train.start[t]; e < train.start[t + 1]; e++) {
                double v = train.val[e];
                int w = l.w1() + train.col[e] * h;
                for (int j = 0; j < h; j++) {
                    theta[w + j] += v * a[t * h + j];
                }
            }
        }
        w1Current = true;
    }

    @Override
    public double gradient(int[] rows) {
        prepareBatch(rows);
        for (int b = 0; b < n; b++) {
            int bh = b * h, zr = batch[b] * h;
            for (int j = 0; j < h; j++) {
                z1[bh + j] = zTrain[zr + j] + theta[l.b1() + j];
            }
        }
        l.transposeW2(theta, l.w2(), w2T);
        double loss = forward(n, z1, w2T, theta, l.b2(), batchLabels, hb, p);
        backward(p, hb, theta, l.w2(), g, dh);
        gW1Current = false;
        d1Current = false;
        return loss;
    }

    /**
     * d1 = X·gW1 + gb1 = (X·Xᵀ)·dh + gb1, the direction of the minibatch's first-layer
     * pre-activations: computed only when a trial step needs it (a fixed rate never does).
     */
    private void prepareTrialDirection() {
        if (d1Current) {
            return;
        }
        d1Current = true;
        for (int b = 0; b < n; b++) {
            int bh = b * h;
            Arrays.fill(d1, bh, bh + h, 0.0);
            for (int c = 0; c < n; c++) {
                double k = gram[batch[b] * nTrain + batch[c]];
                int ch = c * h;
                for (int j = 0; j < h; j++) {
                    d1[bh + j] += k * dh[ch + j];
                }
            }
            for (int j = 0; j < h; j++) {
                d1[bh + j] += g[l.b1() + j];
            }
        }
    }

    @Override
    public void copyGradient(double[] dst) {
        if (!gW1Current) {
            for (int i = 0; i < activeCount; i++) {
                isActive[active[i]] = false;
                Arrays.fill(g, active[i] * h, active[i] * h + h, 0.0);
            }
            activeCount = 0;
            for (int b = 0; b < n; b++) {
                int row = batch[b];
                for (int e = train.start[row]; e < train.start[row + 1]; e++) {
                    if (!isActive[train.col[e]]) {
                        isActive[train.col[e]] = true;
                        active[activeCount++] = train.col[e];
                    }
                }
            }
            firstLayerGradient(dh, g);
            gW1Current = true;
        }
        System.arraycopy(g, 0, dst, 0, g.length);
    }

    @Override
    public double trialLoss(double eta, LossScope scope) {
        trialSecondLayer(eta);
        if (scope == LossScope.MINIBATCH) {
            trialFirstLayer(eta);
            return forward(n, zt, w2tT, b2t, 0, batchLabels, ht, pt);
        }
        if (setZ == null) {
            setZ = new double[nTrain * h];
            setHidden = new double[nTrain * h];
            setProb = new double[nTrain * out];
        }
        double[] z = setZ;
        for (int i = 0; i < nTrain; i++) {
            int ih = i * h;
            System.arraycopy(zTrain, ih, z, ih, h);
            for (int c = 0; c < n; c++) {
                double k = gram[i * nTrain + batch[c]];
                for (int j = 0; j < h; j++) {
                    z[ih + j] -= eta * (k * dh[c * h + j]);
                }
            }
            for (int j = 0; j < h; j++) {
                z[ih + j] = (z[ih + j] + theta[l.b1() + j]) - eta * g[l.b1() + j];
            }
        }
        return forward(nTrain, z, w2tT, b2t, 0, trainLabels, setHidden, setProb);
    }

    @Override
    public void trialGradient(double eta, double[] dst) {
        trialSecondLayer(eta);
        trialFirstLayer(eta);
        forward(n, zt, w2tT, b2t, 0, batchLabels, ht, pt);
        Arrays.fill(dst, 0.0);
        backward(pt, ht, w2t, 0, dst, dht);
        firstLayerGradient(dht, dst);
    }

    @Override
    public void commit(double eta) {
        // W1 ← W1 − η·Xᵀ·dh, kept as A ← A − η·dh on the minibatch's rows and Z ← Z − η·(X·Xᵀ)·dh.
        for (int b = 0; b < n; b++) {
            int ar = batch[b] * h, bh = b * h;
            for (int j = 0; j < h; j++) {
                a[ar + j] -= eta * dh[bh + j];
            }
        }
        for (int i = 0; i < nTrain; i++) {
            Arrays.fill(dz, 0.0);
            boolean touched = false;
            for (int b = 0; b < n; b++) {
                coef[b] = gram[i * nTrain + batch[b]];
                touched |= coef[b] != 0;
            }
            if (!touched) {
                continue;
            }
            IncrementalTestEvaluator.accumulate(dz, 0, coef, 0, n, dh, h);
            int ih = i * h;
            for (int j = 0; j < h; j++) {
                zTrain[ih + j] -= eta * dz[j];
            }
        }
        for (int i = l.b1(); i < theta.length; i++) {
            theta[i] -= eta * g[i];
        }
        w1Current = false;
    }

    @Override
    public double trainLoss() {
        double[] z = new double[nTrain * h];
        for (int i = 0; i < nTrain * h; i++) {
            z[i] = zTrain[i] + theta[l.b1() + i % h];
        }
        double[] w2Transposed = new double[h * out];
        l.transposeW2(theta, l.w2(), w2Transposed);
        return forward(nTrain, z, w2Transposed, theta, l.b2(), trainLabels, new double[nTrain * h],
                new double[nTrain * out]);
    }

    @Override
    public double testAccuracy() {
        if (incremental != null) {
            return TestEvaluator.accuracy(incremental.logits(theta, a), out, test.labels());
        }
        return accuracy(test);
    }

    /** Test-set logits as {@link #testAccuracy()} computes them. */
    double[] testLogits() {
        if (incremental != null) {
            return incremental.logits(theta, a).clone();
        }
        materializeW1();
        return evaluator.logits(l, theta, test);
    }

    @Override
    public double accuracy(Samples samples) {
        materializeW1();
        return TestEvaluator.accuracy(evaluator.logits(l, theta, samples), out, samples.labels());
    }

    @Override
    public boolean isFinite() {
        // W1 is finite exactly when W1(0) and A are (W1(0) was finite when set, and X is).
        for (int i = l.b1(); i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                return false;
            }
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    // ---- kernel -------------------------------------------------------------------------

    private void prepareBatch(int[] rows) {
        n = rows.length;
        if (batch.length != n) {
            batch = new int[n];
            batchLabels = new int[n];
            coef = new double[n];
            z1 = new double[n * h];
            hb = new double[n * h];
            dh = new double[n * h];
            d1 = new double[n * h];
            zt = new double[n * h];
            ht = new double[n * h];
            dht = new double[n * h];
            p = new double[n * out];
            pt = new double[n * out];
        }
        for (int b = 0; b < n; b++) {
            if (rows[b] < 0 || rows[b] >= nTrain) {
                throw new IndexOutOfBoundsException("batch row " + rows[b] + " outside the training set of " + nTrain);
            }
            batch[b] = rows[b];
            batchLabels[b] = trainLabels[rows[b]];
        }
    }

    private void trialSecondLayer(double eta) {
        for (int i = 0; i < w2t.length; i++) {
            w2t[i] = theta[l.w2() + i] - eta * g[l.w2() + i];
        }
        l.transposeW2(w2t, 0, w2tT);
        for (int k = 0; k < out; k++) {
            b2t[k] = theta[l.b2() + k] - eta * g[l.b2() + k];
        }
    }

    private void trialFirstLayer(double eta) {
        prepareTrialDirection();
        for (int i = 0; i < n * h; i++) {
            zt[i] = z1[i] - eta * d1[i];
        }
    }

    /**
     * Sigmoid hidden layer, affine output, softmax into {@code prob}; returns the mean
     * cross-entropy. {@code z} holds the hidden pre-activations, bias included; {@code w2T} is W2
     * transposed ({@code out×h}), so that each logit's sum runs over contiguous memory.
     */
    private double forward(int count, double[] z, double[] w2T, double[] b2, int b2o, int[] labels,
                           double[] hidden, double[] prob) {
        double sumLog = 0;
        for (int b = 0; b < count; b++) {
            int bh = b * h, bo = b * out;
            for (int j = 0; j < h; j++) {
                hidden[bh + j] = 1.0 / (1.0 + Math.exp(-z[bh + j]));
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < out; k++) {
                double s = 0;
                int kh = k * h;
                for (int j = 0; j < h; j++) {
                    s += hidden[bh + j] * w2T[kh + j];
                }
                double zk = s + b2[b2o + k];
                prob[bo + k] = zk;
                if (zk > max) {
                    max = zk;
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
     * Gradient of the mean cross-entropy on the current minibatch for b1, W2 and b2 into
     * {@code grad} (flat layout), and ∂L/∂z1 into {@code dHidden}. Overwrites {@code prob} with
     * ∂L/∂z2. The W1 block of {@code grad} is left alone ({@link #firstLayerGradient}).
     */
    private void backward(double[] prob, double[] hidden, double[] w2, int w2o, double[] grad, double[] dHidden) {
        for (int b = 0; b < n; b++) {
            prob[b * out + batchLabels[b]] -= 1;
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
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < h; j++) {
                double s = 0;
                for (int k = 0; k < out; k++) {
                    s += prob[b * out + k] * w2[w2o + j * out + k];
                }
                double act = hidden[b * h + j];
                dHidden[b * h + j] = s * act * (1 - act);
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

    /** ∂L/∂W1 = Xᵀ·dHidden added into {@code grad}'s W1 block, which must be zero on the minibatch's pixels. */
    private void firstLayerGradient(double[] dHidden, double[] grad) {
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
