package org.lrsearch.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.mlp.MlpOptions;
import org.lrsearch.mlp.MlpPlugin;
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
 * The perceptron's test accuracy on all 10,000 MNIST test images with two hidden layers of
 * {@code width} units: the hidden-to-hidden product (10,000 × width × width multiply-adds) by plain
 * loops ({@code jvm}) or ND4J's gemm ({@code nd4j}). Where ND4J starts to win is the crossover the
 * {@code auto} backend uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MlpEvaluationBenchmark {
    @Param({"20", "50", "100", "200", "400"})
    int width;

    @Param({"jvm", "nd4j"})
    String backend;

    Model model;

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(1);
        model = new MlpPlugin().create(OptionDefaults.create(MlpOptions.class,
                Map.of("layers", List.of(width, width), "activation", "sigmoid", "initStd", 0.1, "backend", backend)), task);
        model.initialize(0);
    }

    @Benchmark
    public double testAccuracy() {
        return model.testAccuracy();
    }
}
