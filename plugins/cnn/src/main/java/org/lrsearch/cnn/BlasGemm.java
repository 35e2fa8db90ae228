package org.lrsearch.cnn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Products through the OpenBLAS that ND4J's CPU backend is built on, called through the same JavaCPP
 * binding ND4J uses, on off-heap operands kept per shape: a call costs about 0.1 µs here against about
 * 20 µs through ND4J's INDArray gemm (docs/CNN.md, "Speed"), which at batch 2 is the whole budget. im2col
 * matrices are written straight into off-heap memory ({@link #operand}), so the largest operand is
 * never copied. One instance per thread.
 */
final class BlasGemm implements Gemm {
    static {
        Nd4jSetup.once();
    }

    /** The three operands' off-heap memory, grown to the largest product seen. */
    private final DoublePointer[] operands = new DoublePointer[3];
    /** The pointer to each buffer handed out by {@link #operand}. */
    private final Map<DoubleBuffer, DoublePointer> direct = new IdentityHashMap<>();

    private DoublePointer operand(int slot, long size) {
        DoublePointer p = operands[slot];
        if (p == null || p.capacity() < size) {
            if (p != null) {
                p.close();
            }
            p = new DoublePointer(size);
            operands[slot] = p;
        }
        return p;
    }

    @Override
    public DoubleBuffer operand(int size) {
        DoubleBuffer b = ByteBuffer.allocateDirect(size * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        direct.put(b, new DoublePointer(b));
        return b;
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        DoublePointer y = operand(1, (long) k * n);
        y.put(b, bo, k * n);
        multiply(ta, tb, m, n, k, a, ao, y, c, co);
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, DoubleBuffer b,
                         double[] c, int co) {
        multiply(ta, tb, m, n, k, a, ao, direct.get(b), c, co);
    }

    private void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, DoublePointer y,
                          double[] c, int co) {
        DoublePointer x = operand(0, (long) m * k), z = operand(2, (long) m * n);
        x.put(a, ao, m * k);
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1.0, x, ta ? m : k, y, tb ? k : n, 0.0, z, n);
        z.get(c, co, m * n);
    }
}
