package org.lrsearch.bench;

import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
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
 * One training iteration of the two-layer net on real 5-shot MNIST: a fixed-rate step (gradient,
 * commit) and a selector step (gradient, the two trial losses of δ/2 and δ, commit).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {
    @Param({"2", "8"})
    int batch;

    @Param({"20", "50"})
    int hidden;

    Model model;
    int[][] batches;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(5);
        model = Tasks.model(task, hidden, "incremental");
        batches = Tasks.batches(task.train().count(), batch);
    }

    @Benchmark
    public double fixedStep() {
        double loss = model.gradient(batches[next++ & 1023]);
        model.commit(0.01);
        return loss;
    }

    @Benchmark
    public double selectorStep() {
        double loss = model.gradient(batches[next++ & 1023]);
        double half = model.trialLoss(0.005, LossScope.MINIBATCH);
        double full = model.trialLoss(0.01, LossScope.MINIBATCH);
        model.commit(half < full ? 0.005 : 0.01);
        return loss + half + full;
    }
}
