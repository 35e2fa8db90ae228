package org.lrsearch.nd4j;

import org.lrsearch.mlp.MatrixBackend;

/**
 * {@code model.backend: nd4j} for the {@code mlp} model: dense products through ND4J's gemm
 * (OpenBLAS). ND4J loads on the first product, never when the backend is merely discovered.
 */
public final class Nd4jMatrices implements MatrixBackend {
    @Override
    public String id() {
        return "nd4j";
    }

    @Override
    public double[] multiply(double[] a, int m, int k, double[] b, int n) {
        return Gemm.multiply(a, m, k, b, n);
    }

    /** Holds every ND4J reference. */
    private static final class Gemm {
        static double[] multiply(double[] a, int m, int k, double[] b, int n) {
            var x = org.nd4j.linalg.factory.Nd4j.create(a, new long[] {m, k}, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            var y = org.nd4j.linalg.factory.Nd4j.create(b, new long[] {k, n}, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            return x.mmul(y).data().asDouble();
        }
    }
}
