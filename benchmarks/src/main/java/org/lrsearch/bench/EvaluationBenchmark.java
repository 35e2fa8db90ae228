package org.lrsearch.bench;

import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
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
 * Test accuracy on all 10,000 MNIST test images, by each evaluator, as a per-epoch curve asks for it:
 * after 200 steps of training, then one more epoch (batch 2, rate 0.1) before each evaluation, untimed.
 * The incremental evaluator carries over the predictions that epoch provably did not change
 * (docs/EVALUATION.md §6), so its time depends on how far training has gone; an evaluation of the same
 * parameters twice would carry every image and time only the check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {
    @Param({"20", "50"})
    int hidden;

    @Param({"5"})
    int shots;

    @Param({"incremental", "jvm", "nd4j"})
    String evaluator;

    Model model;
    FewShotTask task;
    int step;

    @Setup(Level.Trial)
    public void setUp() {
        task = Tasks.mnist(shots);
        model = Tasks.model(task, hidden, evaluator);
        for (int i = 0; i < 200; i++) {
            train();
        }
    }

    private void train() {
        int n = task.train().count();
        model.gradient(new int[] {step % n, (7 * step + 3) % n});
        model.commit(0.1);
        step++;
    }

    @Setup(Level.Invocation)
    public void epoch() {
        for (int i = 0; i < task.train().count() / 2; i++) {
            train();
        }
    }

    @Benchmark
    public double testAccuracy() {
        return model.testAccuracy();
    }
}
