package org.lrsearch.cnn;

import java.nio.DoubleBuffer;

/**
 * Row-major products c = op(a) · op(b), op(a) m×k and op(b) k×n, c overwritten; {@code ta}/{@code tb}
 * mean a is stored k×m / b is stored n×k. The CNN's every convolution, its gradients and every dense
 * layer are such products (im2col), so this is all the arithmetic a backend has to carry.
 */
interface Gemm {
    void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                  double[] c, int co);

    /**
     * Memory for an im2col matrix, where the products read it without a copy: a native backend's own
     * memory (the copy to it cost as much as the convolution's product, docs/CNN.md), else an array.
     */
    default DoubleBuffer operand(int size) {
        return DoubleBuffer.allocate(size);
    }

    /** As {@link #multiply(boolean, boolean, int, int, int, double[], int, double[], int, double[], int)}, b from {@link #operand}. */
    default void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, DoubleBuffer b,
                          double[] c, int co) {
        multiply(ta, tb, m, n, k, a, ao, b.array(), 0, c, co);
    }
}
