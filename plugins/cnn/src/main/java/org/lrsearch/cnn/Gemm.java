package org.lrsearch.cnn;

/**
 * Row-major products c = op(a) · op(b), op(a) m×k and op(b) k×n, c overwritten; {@code ta}/{@code tb}
 * mean a is stored k×m / b is stored n×k. The CNN's every convolution, its gradients and every dense
 * layer are such products (im2col), so this is all the arithmetic a backend has to carry.
 */
interface Gemm {
    void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                  double[] c, int co);
}
