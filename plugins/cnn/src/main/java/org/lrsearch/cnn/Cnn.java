package org.lrsearch.cnn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.Samples;

/**
 * A small convolutional network (docs/CNN.md) bound to one task: θ, the current minibatch's gradient,
 * and trial points θ − η·g or any point p evaluated through the same {@link Passes}.
 */
final class Cnn implements Model {
    /**
     * Images per block when measuring a whole set: the im2col matrix of a block stays in the core's cache
     * (measured with JMH, docs/CNN.md). Blocks are fixed by position, never by thread, so every image's
     * numbers are the same whichever thread computes its block.
     */
    static final int BLOCK = 4;

    private final CnnLayout layout;
    private final CnnOptions options;
    private final Passes passes;
    /** Workspaces for blocks evaluated in parallel, one borrowed per task. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Passes> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Samples train;
    private final Samples test;
    private final double[] theta;
    private final double[] g;
    private final double[] trial;
    private int[] batch = new int[0];

    Cnn(FewShotTask task, CnnOptions o) {
        this.options = o;
        this.layout = new CnnLayout(task.train().shape(), o, task.classes());
        this.passes = passes();
        this.train = task.train();
        this.test = task.test();
        theta = new double[layout.size];
        g = new double[layout.size];
        trial = new double[layout.size];
    }

    private Passes passes() {
        return new Passes(layout, options.activation(), Products.of(options.backend()));
    }

    @Override
    public int parameterCount() {
        return layout.size;
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
        for (int r : rows) {
            if (r < 0 || r >= train.count()) {
                throw new IndexOutOfBoundsException("batch row " + r + " outside the training set of " + train.count());
            }
        }
        batch = rows.clone();
        passes.logits(theta, train.values(), batch, false);
        double loss = passes.loss(train.labels(), batch);
        passes.backward(theta, train.labels(), batch, g);
        return loss;
    }

    @Override
    public void copyGradient(double[] out) {
        System.arraycopy(g, 0, out, 0, g.length);
    }

    private double[] trialPoint(double eta) {
        for (int i = 0; i < theta.length; i++) {
            trial[i] = theta[i] - eta * g[i];
        }
        return trial;
    }

    @Override
    public double trialLoss(double eta, LossScope scope) {
        return lossAt(trialPoint(eta), scope);
    }

    @Override
    public void trialGradient(double eta, double[] out) {
        gradientAt(trialPoint(eta), out);
    }

    @Override
    public double lossAt(double[] p, LossScope scope) {
        return scope == LossScope.MINIBATCH ? loss(p, batch) : meanLoss(p, train);
    }

    @Override
    public void gradientAt(double[] p, double[] out) {
        passes.logits(p, train.values(), batch, false);
        passes.loss(train.labels(), batch);
        passes.backward(p, train.labels(), batch, out);
    }

    @Override
    public void commit(double eta) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= eta * g[i];
        }
    }

    @Override
    public void copyParameters(double[] out) {
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    @Override
    public void moveTo(double[] p) {
        System.arraycopy(p, 0, theta, 0, theta.length);
    }

    private double loss(double[] p, int[] rows) {
        passes.logits(p, train.values(), rows, true);
        return passes.loss(train.labels(), rows);
    }

    /** The mean loss over a whole set, block by block (the blocks' means weighted by their sizes). */
    private double meanLoss(double[] p, Samples set) {
        double sum = 0;
        for (int from = 0; from < set.count(); from += BLOCK) {
            int[] rows = range(from, Math.min(set.count(), from + BLOCK));
            passes.logits(p, set.values(), rows, true);
            sum += passes.loss(set.labels(), rows) * rows.length;
        }
        return sum / set.count();
    }

    @Override
    public double trainLoss() {
        return meanLoss(theta, train);
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
    public double accuracy(Samples set) {
        if (set.count() == 0) {
            return Double.NaN;
        }
        int blocks = (set.count() + BLOCK - 1) / BLOCK;
        // A set of a few blocks (the k-shot set) is measured on the calling thread; the test set's blocks
        // are spread over the cores.
        java.util.stream.IntStream ids = java.util.stream.IntStream.range(0, blocks);
        int correct = (blocks < 8 ? ids : ids.parallel()).map(b -> correct(set, b)).sum();
        return (double) correct / set.count();
    }

    /** How many images of block {@code b} of {@code set} the current θ classifies correctly. */
    private int correct(Samples set, int b) {
        Passes p = spare.poll();
        if (p == null) {
            p = passes();
        }
        try {
            int[] rows = range(b * BLOCK, Math.min(set.count(), (b + 1) * BLOCK));
            double[] logits = p.logits(theta, set.values(), rows, true);
            int classes = layout.dense[layout.dense.length - 1].out(), correct = 0;
            for (int r = 0; r < rows.length; r++) {
                int best = 0;
                for (int k = 1; k < classes; k++) {
                    if (logits[r * classes + k] > logits[r * classes + best]) {
                        best = k;
                    }
                }
                if (best == set.labels()[rows[r]]) {
                    correct++;
                }
            }
            return correct;
        } finally {
            spare.add(p);
        }
    }

    private static int[] range(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows;
    }

    @Override
    public boolean isFinite() {
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
