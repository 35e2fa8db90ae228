package org.lrsearch.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.cnn.CnnOptions;
import org.lrsearch.cnn.CnnPlugin;
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
 * The default LeNet-style {@code cnn} on 5-shot MNIST, as {@code torch_cnn_reference.py} times PyTorch: one
 * training iteration (gradient of a minibatch and the SGD update) at batch 2 and 8, and one evaluation of the
 * 10,000 test images, with every product through ND4J ({@code nd4j}), plain loops ({@code jvm}) or by size
 * ({@code auto}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CnnBenchmark {
    @Param({"2", "8"})
    int batch;

    @Param({"auto", "nd4j", "jvm"})
    String backend;

    Model model;
    int[][] batches;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(5);
        model = new CnnPlugin().create(OptionDefaults.create(CnnOptions.class, Map.of("backend", backend)), task);
        model.initialize(0);
        batches = Tasks.batches(task.train().count(), batch);
    }

    @Benchmark
    public double trainingIteration() {
        double loss = model.gradient(batches[next++ & 1023]);
        model.commit(0.05);
        return loss;
    }

    /** One evaluation of the 10,000 test images (the batch parameter does not enter it). */
    @Benchmark
    public double evaluation() {
        return model.testAccuracy();
    }
}
