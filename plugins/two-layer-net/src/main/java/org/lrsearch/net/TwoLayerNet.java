package org.lrsearch.net;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.Samples;

/**
 * The paper's network, {@code x → W1,b1 → sigmoid → W2,b2 → softmax}, with mean cross-entropy
 * {@code -mean(log(p[label] + 1e-7))}, trained on plain {@code double} arrays: the {@link Model}
 * protocol over the first layer's low-rank form ({@link LowRankW1}) and the layers' arithmetic
 * ({@link DenseLayers}).
 *
 * <p>Why it is fast at batch 2–8: W1 is never updated in place (see {@link LowRankW1}); a trial
 * point θ − η·g never materialises W1 either, and ∂L/∂W1 is formed only when the sign-change measure
 * needs it. Nothing is approximated (tested against direct arithmetic to 1e-12 and against the
 * golden traces), and nothing is allocated per iteration.
 */
final class TwoLayerNet implements Model {
    private final ParameterLayout l;
    private final int h, out, nTrain;
    private final double initStd;
    final int[] trainLabels;
    private final Samples test;
    private final TestEvaluator evaluator;
    /** Whether, and from when, the test set goes through the incremental evaluator. */
    private final EvaluatorChoice choice;
    private final LowRankW1 w1;
    /** An optimizer's points θ(η) other than θ − η·g, densely or in compact coordinates. */
    private final DensePoints points;
    private final int[] allRows;
    private CompactSpace compact;
    /** θ; its W1 block is current only after {@link LowRankW1#materialise}. */
    final double[] theta;
    /** g; its W1 block is current only while {@link #gW1Current}. */
    final double[] g;
    private boolean gW1Current;

    // Per-minibatch scratch, sized on the first minibatch of each size.
    int[] batch = new int[0];
    int n;
    private double[] z1 = new double[0];
    private double[] hb = new double[0];
    private double[] p = new double[0];
    double[] dh = new double[0];
    private double[] d1 = new double[0];
    private boolean d1Current;
    int[] batchLabels = new int[0];

    // Trial point θ − η·g, second layer and minibatch activations.
    private final double[] w2t;
    private final double[] w2tT;
    private final double[] w2T;
    private final double[] b2t;
    private double[] zt = new double[0];
    private double[] ht = new double[0];
    private double[] pt = new double[0];
    private double[] dht = new double[0];

    /** @param incrementalTest evaluate the task's test set through {@link IncrementalTestEvaluator} */
    TwoLayerNet(FewShotTask task, int hidden, double initStd, TestEvaluator evaluator, boolean incrementalTest) {
        this.l = new ParameterLayout(task.train().features(), hidden, task.classes());
        this.h = hidden;
        this.out = task.classes();
        this.initStd = initStd;
        this.w1 = new LowRankW1(l, SparseRows.build(task.train()));
        this.trainLabels = task.train().labels();
        this.test = task.test();
        this.evaluator = evaluator;
        this.nTrain = w1.train.count;
        this.theta = new double[l.size()];
        this.g = new double[l.size()];
        this.w2t = new double[h * out];
        this.w2tT = new double[h * out];
        this.w2T = new double[h * out];
        this.b2t = new double[out];
        this.choice = new EvaluatorChoice(l, task, w1.train, incrementalTest);
        this.points = new DensePoints(l, w1.train);
        this.allRows = java.util.stream.IntStream.range(0, nTrain).toArray();
        restart();
    }

    ParameterLayout layout() {
        return l;
    }

    /** The incremental test evaluator, or null where a direct pass is cheaper (for tests). */
    IncrementalTestEvaluator incremental() {
        return choice.evaluator(w1.origin());
    }

    @Override
    public void expectEvaluations(int count) {
        choice.expect(count);
    }

    @Override
    public int parameterCount() {
        return l.size();
    }

    @Override
    public void initialize(long seed) {
        l.initialise(seed, initStd, theta);
        restart();
    }

    /** θ's W1 was replaced: make it W1(0), clear A, recompute Z. */
    private void restart() {
        double[] origin = w1.restart(theta);
        gW1Current = false;
        choice.reset(origin);
    }

    @Override
    public LinkedHashMap<String, double[]> tensors() {
        materializeW1();
        return l.tensors(theta);
    }

    @Override
    public void setTensors(Map<String, double[]> tensors) {
        l.setTensors(tensors, theta);
        restart();
    }

    /** θ with W1 current (a live view: tests that edit it must call {@link #setTensors}). */
    double[] parameters() {
        materializeW1();
        return theta;
    }

    private void materializeW1() {
        w1.materialise(theta);
    }

    @Override
    public double gradient(int[] rows) {
        prepareBatch(rows);
        for (int b = 0; b < n; b++) {
            int bh = b * h, zr = batch[b] * h;
            for (int j = 0; j < h; j++) {
                z1[bh + j] = w1.z[zr + j] + theta[l.b1() + j];
            }
        }
        l.transposeW2(theta, l.w2(), w2T);
        double loss = DenseLayers.forward(n, h, out, z1, w2T, theta, l.b2(), batchLabels, hb, p);
        DenseLayers.backward(l, n, batchLabels, p, hb, theta, l.w2(), g, dh);
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
        w1.trialDirection(batch, n, dh, g, d1);
    }

    @Override
    public void copyGradient(double[] dst) {
        if (!gW1Current) {
            w1.writeGradient(l, batch, n, dh, g);
            gW1Current = true;
        }
        System.arraycopy(g, 0, dst, 0, g.length);
    }

    @Override
    public double gradNormSq() {
        double s = w1.gradientNormSq(batch, n, dh);
        for (int i = l.b1(); i < g.length; i++) {
            s += g[i] * g[i];
        }
        return s;
    }

    @Override
    public Object gradientCopy() {
        return w1.keep(batch, n, dh, g);
    }

    @Override
    public double gradientDot(Object copy) {
        return w1.dot((LowRankW1.Gradient) copy, batch, n, dh, g);
    }

    @Override
    public double copyDot(Object copy, double[] vector) {
        return w1.dot((LowRankW1.Gradient) copy, vector);
    }

    @Override
    public double trialLoss(double eta, LossScope scope) {
        trialSecondLayer(eta);
        if (scope == LossScope.MINIBATCH) {
            trialFirstLayer(eta);
            return DenseLayers.forward(n, h, out, zt, w2tT, b2t, 0, batchLabels, ht, pt);
        }
        w1.trialPreActivations(eta, batch, n, dh, theta, g, points.z(nTrain));
        return points.forward(nTrain, w2tT, b2t, 0, trainLabels);
    }

    @Override
    public void trialGradient(double eta, double[] dst) {
        trialSecondLayer(eta);
        trialFirstLayer(eta);
        DenseLayers.forward(n, h, out, zt, w2tT, b2t, 0, batchLabels, ht, pt);
        Arrays.fill(dst, 0.0);
        DenseLayers.backward(l, n, batchLabels, pt, ht, w2t, 0, dst, dht);
        DenseLayers.addFirstLayerGradient(l, w1.train, batch, n, dht, dst);
    }

    @Override
    public void copyParameters(double[] dst) {
        materializeW1();
        System.arraycopy(theta, 0, dst, 0, theta.length);
    }

    @Override
    public double lossAt(double[] point, LossScope scope) {
        boolean minibatch = scope == LossScope.MINIBATCH;
        return points.dense(point, minibatch ? batch : allRows, minibatch ? n : nTrain, minibatch ? batchLabels : trainLabels);
    }

    @Override
    public void gradientAt(double[] point, double[] dst) {
        points.dense(point, batch, n, batchLabels);
        points.gradient(point, l.w2(), batch, n, batchLabels, dst);
    }

    /** Arbitrary updates leave W1's low-rank form: it restarts from the new W1, and tests evaluate directly. */
    @Override
    public void moveTo(double[] point) {
        System.arraycopy(point, 0, theta, 0, theta.length);
        choice.dense();
        restart();
    }

    /** W1 as coefficients of the k-shot images (from W1 at the last initialisation): see {@link CompactSpace}. */
    @Override
    public org.lrsearch.api.ParameterSpace compactSpace() {
        if (compact == null) {
            compact = new CompactSpace(this, l, w1, points, allRows);
        }
        return compact;
    }

    @Override
    public void commit(double eta) {
        w1.step(eta, batch, n, dh);
        for (int i = l.b1(); i < theta.length; i++) {
            theta[i] -= eta * g[i];
        }
    }

    @Override
    public double trainLoss() {
        System.arraycopy(w1.z, 0, points.z(nTrain), 0, nTrain * h);
        return points.finish(theta, l.b1(), l.w2(), l.b2(), nTrain, trainLabels);
    }

    /** From the training pre-activations X_train·W1 that every update keeps current, as {@link #trainLoss()}. */
    @Override
    public double trainAccuracy() {
        return TestEvaluator.accuracy(TestEvaluator.logits(l, theta, Arrays.copyOf(w1.z, nTrain * h), nTrain), out,
                trainLabels);
    }

    @Override
    public double testAccuracy() {
        IncrementalTestEvaluator incremental = incremental();
        return incremental != null ? incremental.accuracy(theta, w1.a, this::materializeW1) : accuracy(test);
    }

    /** Test-set logits as {@link #testAccuracy()} computes them. */
    double[] testLogits() {
        if (incremental() != null) {
            return incremental().logits(theta, w1.a);
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
        for (int i = l.b1(); i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                return false;
            }
        }
        return w1.isFinite();
    }

    private void prepareBatch(int[] rows) {
        n = rows.length;
        if (batch.length != n) {
            batch = new int[n];
            batchLabels = new int[n];
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
}
