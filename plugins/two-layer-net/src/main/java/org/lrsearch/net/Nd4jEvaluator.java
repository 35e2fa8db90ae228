package org.lrsearch.net;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.lrsearch.api.Samples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Test-set logits as one dense gemm per layer through ND4J (OpenBLAS). ND4J's native start-up
 * costs seconds, so this class is only loaded when the {@code nd4j} evaluator is chosen.
 */
final class Nd4jEvaluator implements TestEvaluator {
    private static final Map<Samples, INDArray> SHARED = Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public double[] logits(ParameterLayout l, double[] theta, Samples samples) {
        INDArray x = SHARED.computeIfAbsent(samples,
                s -> Nd4j.create(s.values(), new long[] {s.count(), s.features()}, DataType.DOUBLE));
        int in = l.in(), h = l.hidden(), out = l.out();
        INDArray w1 = Nd4j.create(java.util.Arrays.copyOfRange(theta, l.w1(), l.b1()), new long[] {in, h}, DataType.DOUBLE);
        INDArray b1 = Nd4j.create(java.util.Arrays.copyOfRange(theta, l.b1(), l.w2()), new long[] {1, h}, DataType.DOUBLE);
        INDArray w2 = Nd4j.create(java.util.Arrays.copyOfRange(theta, l.w2(), l.b2()), new long[] {h, out}, DataType.DOUBLE);
        INDArray b2 = Nd4j.create(java.util.Arrays.copyOfRange(theta, l.b2(), l.size()), new long[] {1, out}, DataType.DOUBLE);
        INDArray hidden = Transforms.sigmoid(x.mmul(w1).addiRowVector(b1), false);
        return hidden.mmul(w2).addiRowVector(b2).data().asDouble();
    }
}
