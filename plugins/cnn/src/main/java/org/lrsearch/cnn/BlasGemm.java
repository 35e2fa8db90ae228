package org.lrsearch.cnn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Products through the OpenBLAS that ND4J's CPU backend is built on, called through the same JavaCPP
 * binding ND4J uses, on off-heap operands kept per shape: a call costs about 0.1 µs here against about
 * 20 µs through ND4J's INDArray gemm (docs/CNN.md, "Speed"), which at batch 2 is the whole budget. One
 * instance per thread.
 */
final class BlasGemm implements Gemm {
    static {
        Nd4jSetup.once();
    }

    /** The three operands' off-heap memory, grown to the largest product seen. */
    private final DoublePointer[] operands = new DoublePointer[3];

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
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        DoublePointer x = operand(0, (long) m * k), y = operand(1, (long) k * n), z = operand(2, (long) m * n);
        x.put(a, ao, m * k);
        y.put(b, bo, k * n);
        openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
                ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1.0, x, ta ? m : k, y, tb ? k : n, 0.0, z, n);
        z.get(c, co, m * n);
    }
}
