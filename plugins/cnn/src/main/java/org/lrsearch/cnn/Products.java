package org.lrsearch.cnn;

/**
 * Sends each product to a native gemm or to plain loops by its size. Measured here, OpenBLAS called
 * directly wins at every size the CNN has, down to 600 multiply-adds (0.33 µs against 0.76 µs with the
 * copies in and out), so {@code auto} sends every product to it; the crossover stays for other backends.
 * One instance per thread.
 */
final class Products implements Gemm {
    /** Multiply-adds (m·n·k) from which OpenBLAS is faster than plain loops here: every product measured. */
    static final long CROSSOVER = 0;

    private final JvmGemm jvm = new JvmGemm();
    private final Gemm blas;
    private final long crossover;

    /**
     * @param backend   {@code blas} (OpenBLAS directly) or {@code nd4j} (ND4J's INDArray gemm) for large products
     * @param crossover products of at least this many multiply-adds go to it; Long.MAX_VALUE for never
     */
    Products(String backend, long crossover) {
        this.crossover = crossover;
        this.blas = crossover == Long.MAX_VALUE ? null : backend.equals("nd4j") ? new Nd4jGemm() : new BlasGemm();
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        Gemm g = (long) m * n * k >= crossover ? blas : jvm;
        g.multiply(ta, tb, m, n, k, a, ao, b, bo, c, co);
    }
}
