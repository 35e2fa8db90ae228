package org.lrsearch.cnn;

import java.nio.DoubleBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Products through ND4J's gemm (OpenBLAS). One instance per thread: it keeps an off-heap array per
 * operand shape and copies operands in and the product out in bulk, so that a product costs one native
 * call and three memory copies, not an allocation and an ND4J array per call.
 */
final class Nd4jGemm implements Gemm {
    /** An off-heap operand and a view of its memory, for bulk copies. */
    private record Operand(INDArray array, DoubleBuffer view) {
    }

    static {
        Nd4jSetup.once();
    }

    private final Map<Long, Operand> operands = new HashMap<>();

    private Operand operand(int slot, int rows, int cols) {
        long key = ((long) slot << 58) | ((long) rows << 29) | cols;
        return operands.computeIfAbsent(key, x -> {
            INDArray a = Nd4j.create(DataType.DOUBLE, new long[] {rows, cols}, 'c');
            return new Operand(a, a.data().asNioDouble());
        });
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        Operand x = ta ? operand(0, k, m) : operand(0, m, k);
        Operand y = tb ? operand(1, n, k) : operand(1, k, n);
        Operand z = operand(2, m, n);
        x.view().put(0, a, ao, m * k);
        y.view().put(0, b, bo, k * n);
        Nd4j.gemm(x.array(), y.array(), z.array(), ta, tb, 1.0, 0.0);
        z.view().get(0, c, co, m * n);
    }
}
