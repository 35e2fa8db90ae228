package org.lrsearch.nd4j;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.lrsearch.api.Samples;
import org.lrsearch.net.DenseEvaluator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code model.evaluator: nd4j}: the two-layer net's test-set logits as one dense gemm per layer
 * through ND4J (OpenBLAS). Kept out of the two-layer-net plugin so that its runtime needs no tensor
 * library; ND4J's native start-up (seconds) happens on the first {@link #logits} call, never when
 * the evaluator is merely discovered.
 */
public final class Nd4jEvaluator implements DenseEvaluator {

    @Override
    public String id() {
        return "nd4j";
    }

    @Override
    public double[] logits(int in, int hidden, int out, double[] theta, Samples samples) {
        return Dense.logits(in, hidden, out, theta, samples);
    }

    /** Holds every ND4J reference, so that loading {@link Nd4jEvaluator} loads no ND4J class. */
    private static final class Dense {
        private static final Map<Samples, INDArray> SHARED = Collections.synchronizedMap(new IdentityHashMap<>());

        static double[] logits(int in, int h, int out, double[] theta, Samples samples) {
            INDArray x = SHARED.computeIfAbsent(samples,
                    s -> Nd4j.create(s.values(), new long[] {s.count(), s.features()}, DataType.DOUBLE));
            int b1 = in * h, w2 = b1 + h, b2 = w2 + h * out;
            INDArray w1m = Nd4j.create(java.util.Arrays.copyOfRange(theta, 0, b1), new long[] {in, h}, DataType.DOUBLE);
            INDArray b1m = Nd4j.create(java.util.Arrays.copyOfRange(theta, b1, w2), new long[] {1, h}, DataType.DOUBLE);
            INDArray w2m = Nd4j.create(java.util.Arrays.copyOfRange(theta, w2, b2), new long[] {h, out}, DataType.DOUBLE);
            INDArray b2m = Nd4j.create(java.util.Arrays.copyOfRange(theta, b2, b2 + out), new long[] {1, out}, DataType.DOUBLE);
            INDArray hidden = Transforms.sigmoid(x.mmul(w1m).addiRowVector(b1m), false);
            return hidden.mmul(w2m).addiRowVector(b2m).data().asDouble();
        }
    }
}
