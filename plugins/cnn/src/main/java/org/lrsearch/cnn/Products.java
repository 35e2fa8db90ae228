package org.lrsearch.cnn;

/**
 * Chooses, per product, between a native gemm and plain loops by its size: a native call has a fixed
 * cost that only products above a crossover repay (measured with JMH, docs/CNN.md). One instance per thread.
 */
final class Products implements Gemm {
    /** Multiply-adds (m·n·k) from which ND4J's gemm is faster than plain loops here. */
    static final long CROSSOVER = 4_000;

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
