package org.lrsearch.cnn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.lrsearch.api.Cores;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.FlatParameterModel;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Samples;

/**
 * A small convolutional network (docs/CNN.md) bound to one task: θ, the current minibatch's gradient,
 * and trial points θ − η·g or any point p evaluated through the same {@link Passes}.
 */
final class Cnn extends FlatParameterModel {
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
    private final ConcurrentLinkedQueue<Passes> spare = new ConcurrentLinkedQueue<>();
    private final Samples train;
    private final Samples test;

    Cnn(FewShotTask task, CnnOptions o) {
        this(task, o, new CnnLayout(task.train().shape(), o, task.classes()));
    }

    private Cnn(FewShotTask task, CnnOptions o, CnnLayout layout) {
        super(layout.size);
        this.options = o;
        this.layout = layout;
        this.passes = passes();
        this.train = task.train();
        this.test = task.test();
    }

    private Passes passes() {
        return new Passes(layout, options.activation(), Products.of(options.backend()));
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
        useBatch(rows, train.count());
        passes.logits(theta, train.values(), batch, false);
        double loss = passes.loss(train.labels(), batch);
        passes.backward(theta, train.labels(), batch, g);
        return loss;
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
        // are spread over the cores when runs leave some idle (Cores).
        java.util.stream.IntStream ids = java.util.stream.IntStream.range(0, blocks);
        int correct = (blocks < 8 || Cores.idle() == 0 ? ids : ids.parallel()).map(b -> correct(set, b)).sum();
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
            int classes = layout.dense[layout.dense.length - 1].out();
            return correct(logits, rows.length, classes, r -> set.labels()[rows[r]]);
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
}
