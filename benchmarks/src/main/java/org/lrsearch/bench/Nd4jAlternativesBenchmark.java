package org.lrsearch.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lrsearch.api.FewShotTask;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
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
 * The ways ND4J offers to compute the default LeNet-style CNN that the {@code cnn} plugin does not take, timed
 * on the same work as {@link CnnBenchmark} so that the choice is a measurement (docs/CNN.md, "Speed"): ND4J's
 * own convolution and pooling ops (libnd4j's conv2d and maxpool2d, NCHW) for one evaluation of the 10,000 test
 * images, and SameDiff's autodiff over the same ops (conv2d_bp, maxpool2d_bp) for one training iteration. The
 * plugin's own path is CnnBenchmark: im2col with every product through OpenBLAS ({@code auto}) or through
 * ND4J's INDArray gemm ({@code nd4j}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class Nd4jAlternativesBenchmark {
    @Param({"2", "8"})
    int batch;

    SameDiff sd;
    INDArray trainX;
    INDArray trainY;
    INDArray testX;
    int[][] batches;
    int next;
    INDArray w1, b1, w2, b2, d1, db1, d2, db2;
    final Conv2DConfig conv = Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).dataFormat("NCHW")
            .weightsFormat(org.nd4j.enums.WeightsFormat.OIYX).build();
    final Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build();

    @Setup(Level.Trial)
    public void setUp() {
        FewShotTask task = Tasks.mnist(5);
        trainX = Nd4j.create(task.train().values(), new long[] {task.train().count(), 1, 28, 28}, DataType.DOUBLE);
        trainY = Nd4j.create(DataType.DOUBLE, task.train().count(), 10);
        for (int i = 0; i < task.train().count(); i++) {
            trainY.putScalar(i, task.train().labels()[i], 1.0);
        }
        testX = Nd4j.create(task.test().values(), new long[] {task.test().count(), 1, 28, 28}, DataType.DOUBLE);
        batches = Tasks.batches(task.train().count(), batch);
        w1 = Nd4j.randn(DataType.DOUBLE, 6, 1, 5, 5).muli(Math.sqrt(2.0 / 25));
        b1 = Nd4j.zeros(DataType.DOUBLE, 6);
        w2 = Nd4j.randn(DataType.DOUBLE, 16, 6, 5, 5).muli(Math.sqrt(2.0 / 150));
        b2 = Nd4j.zeros(DataType.DOUBLE, 16);
        d1 = Nd4j.randn(DataType.DOUBLE, 256, 84).muli(Math.sqrt(2.0 / 256));
        db1 = Nd4j.zeros(DataType.DOUBLE, 1, 84);
        d2 = Nd4j.randn(DataType.DOUBLE, 84, 10).muli(Math.sqrt(1.0 / 84));
        db2 = Nd4j.zeros(DataType.DOUBLE, 1, 10);
        // SameDiff's conv2d_bp takes the default weight layout [kH][kW][in][out] only (OIYX fails its validation).
        Conv2DConfig yxio = Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).dataFormat("NCHW").build();
        sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 1, 28, 28);
        SDVariable y = sd.placeHolder("y", DataType.DOUBLE, -1, 10);
        SDVariable h = sd.cnn().maxPooling2d(sd.nn().relu(sd.cnn().conv2d(x, sd.var("w1", w1.permute(2, 3, 1, 0).dup()), sd.var("b1", b1), yxio), 0), pool);
        h = sd.cnn().maxPooling2d(sd.nn().relu(sd.cnn().conv2d(h, sd.var("w2", w2.permute(2, 3, 1, 0).dup()), sd.var("b2", b2), yxio), 0), pool);
        h = sd.nn().relu(h.reshape(-1, 256).mmul(sd.var("d1", d1)).add(sd.var("db1", db1)), 0);
        SDVariable logits = h.mmul(sd.var("d2", d2)).add(sd.var("db2", db2));
        sd.loss().softmaxCrossEntropy("loss", y, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        sd.setLossVariables("loss");
    }

    /** One training iteration by SameDiff: the minibatch's gradients of every weight, then θ ← θ − 0.05·g. */
    @Benchmark
    public Object sameDiffTrainingIteration() {
        INDArray rows = Nd4j.createFromArray(batches[next++ & 1023]);
        Map<String, INDArray> g = sd.calculateGradients(Map.of("x", trainX.get(rows), "y", trainY.get(rows)),
                List.of("w1", "b1", "w2", "b2", "d1", "db1", "d2", "db2"));
        g.forEach((name, grad) -> sd.getVariable(name).getArr().subi(grad.mul(0.05)));
        return g;
    }

    /** One evaluation of the 10,000 test images by ND4J's conv2d, maxpool2d, relu and mmul ops, 500 images a call. */
    @Benchmark
    public long opsEvaluation() {
        long correct = 0;
        for (int from = 0; from < 10_000; from += 500) {
            INDArray in = testX.get(NDArrayIndex.interval(from, from + 500));
            INDArray h = Nd4j.cnn().maxPooling2d(Transforms.relu(Nd4j.cnn().conv2d(in, w1, b1, conv), false), pool);
            h = Nd4j.cnn().maxPooling2d(Transforms.relu(Nd4j.cnn().conv2d(h, w2, b2, conv), false), pool);
            INDArray z = Transforms.relu(h.reshape(500, 256).mmul(d1).addiRowVector(db1), false).mmul(d2).addiRowVector(db2);
            correct += z.argMax(1).sumNumber().longValue();
        }
        return correct;
    }
}
