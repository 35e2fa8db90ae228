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

/** Test accuracy on all 10,000 MNIST test images, by each evaluator, after some training. */
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

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(shots);
        model = Tasks.model(task, hidden, evaluator);
        for (int i = 0; i < 200; i++) {
            model.gradient(new int[] {i % task.train().count(), (7 * i + 3) % task.train().count()});
            model.commit(0.1);
        }
    }

    @Benchmark
    public double testAccuracy() {
        return model.testAccuracy();
    }
}
