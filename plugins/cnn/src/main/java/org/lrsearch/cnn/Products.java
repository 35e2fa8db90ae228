package org.lrsearch.cnn;

/**
 * Chooses, per product, between ND4J's gemm and plain loops by its size: a native call has a fixed
 * cost of a few microseconds that only large products repay (the crossover measured with JMH,
 * docs/CNN-PERFORMANCE.md). One instance per thread.
 */
final class Products implements Gemm {
    /** Multiply-adds (m·n·k) from which ND4J's gemm is faster than plain loops here. */
    static final long CROSSOVER = 20_000;

    private final JvmGemm jvm = new JvmGemm();
    private final Gemm nd4j;
    private final long crossover;

    /** @param crossover products of at least this many multiply-adds go to ND4J; Long.MAX_VALUE for never */
    Products(long crossover) {
        this.crossover = crossover;
        this.nd4j = crossover == Long.MAX_VALUE ? null : new Nd4jGemm();
    }

    @Override
    public void multiply(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
                         double[] c, int co) {
        Gemm g = (long) m * n * k >= crossover ? nd4j : jvm;
        g.multiply(ta, tb, m, n, k, a, ao, b, bo, c, co);
    }
}
