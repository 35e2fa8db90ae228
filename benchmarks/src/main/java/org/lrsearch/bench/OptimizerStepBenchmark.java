package org.lrsearch.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.ParameterSpace;
import org.lrsearch.api.TraceSink;
import org.lrsearch.optimizers.AdamPlugin;
import org.lrsearch.optimizers.MomentumPlugin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training iteration of the two-layer net on real 5-shot MNIST through an optimizer other than
 * plain SGD, as the step context runs it (θ and g copied out, the map formed, the point taken, the
 * model moved there): a fixed-rate step and a selector step (two trial losses at θ(δ/2), θ(δ)). Set
 * beside {@link TrainingStepBenchmark}'s plain-SGD steps, it is the cost per iteration of an optimizer:
 * momentum in the net's compact coordinates (its runs' path) and in θ's own, and Adam (dense).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerStepBenchmark {
    @Param({"2", "8"})
    int batch;

    @Param({"20"})
    int hidden;

    /** momentum in the net's compact coordinates (as runs use it), the same in θ's own, and adam (dense). */
    @Param({"momentum", "momentum-dense", "adam"})
    String optimizer;

    Model model;
    Optimizer opt;
    ParameterSpace space;
    int[][] batches;
    int next;
    double[] theta;
    double[] g;
    double[] point;

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(5);
        model = Tasks.model(task, hidden, "incremental");
        opt = optimizer.equals("adam")
                ? new AdamPlugin().create(OptionDefaults.create(AdamPlugin.Options.class, Map.of()))
                : new MomentumPlugin().create(OptionDefaults.create(MomentumPlugin.Options.class, Map.of()));
        batches = Tasks.batches(task.train().count(), batch);
        space = optimizer.equals("momentum") ? model.compactSpace() : ParameterSpace.dense(model);
        opt.innerProduct(space);
        theta = new double[space.size()];
        g = new double[theta.length];
        point = new double[theta.length];
    }

    private double form() {
        double loss = model.gradient(batches[next++ & 1023]);
        space.parameters(theta);
        space.gradient(g);
        opt.form(theta, g);
        return loss;
    }

    private void commit(double eta) {
        opt.point(eta, point);
        opt.commit(eta, TraceSink.NONE);
        space.moveTo(point);
    }

    @Benchmark
    public double fixedStep() {
        double loss = form();
        commit(1e-4);
        return loss;
    }

    @Benchmark
    public double selectorStep() {
        double loss = form();
        opt.point(5e-5, point);
        double half = space.lossAt(point, LossScope.MINIBATCH);
        opt.point(1e-4, point);
        double full = space.lossAt(point, LossScope.MINIBATCH);
        commit(half < full ? 5e-5 : 1e-4);
        return loss + half + full;
    }
}
