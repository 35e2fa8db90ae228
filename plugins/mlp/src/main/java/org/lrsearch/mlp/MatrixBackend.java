package org.lrsearch.mlp;

/**
 * Dense matrix products for the perceptron's bulk work (hidden-to-hidden layers over a whole example
 * set), found through {@link java.util.ServiceLoader} when a module provides one: the
 * {@code nd4j-evaluator} module provides {@code nd4j} (OpenBLAS gemm). Without one, or below the
 * size where it pays (README, "ND4J crossover"), plain loops do the work.
 *
 * @since 0.1
 */
public interface MatrixBackend {

    /** The value of {@code model.backend} that selects it. */
    String id();

    /** {@code a·b} with {@code a} m×k and {@code b} k×n, row-major; the result m×n, row-major. */
    double[] multiply(double[] a, int m, int k, double[] b, int n);
}
