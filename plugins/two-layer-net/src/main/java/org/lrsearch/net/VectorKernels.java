package org.lrsearch.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the evaluation's two inner products, through the JDK's Vector API (an
 * incubator module: loaded only when the JVM runs with {@code --add-modules jdk.incubator.vector},
 * as the launcher and the build do; {@link #AVAILABLE} says whether it is).
 *
 * <p>Bit-identical to the scalar loops they replace: lanes run over independent outputs, each
 * output still sums its terms in the same order, and every step is a multiply then an add (two
 * roundings, as Java's scalar {@code s += x * y}), never a fused multiply-add.
 */
final class VectorKernels {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorKernels() {
    }

    /** Holder, so the incubator classes load only when asked for. */
    private static final class Simd {
        static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

        /** {@code z[zo..zo+h) += Σ_t k[ko+t] · a[t·h .. t·h+h)}, t ascending. */
        static void accumulate(double[] z, int zo, double[] k, int ko, int terms, double[] a, int h) {
            int lanes = S.length();
            int j = 0;
            for (; j + lanes <= h; j += lanes) {
                DoubleVector acc = DoubleVector.fromArray(S, z, zo + j);
                for (int t = 0; t < terms; t++) {
                    acc = acc.add(DoubleVector.fromArray(S, a, t * h + j).mul(k[ko + t]));
                }
                acc.intoArray(z, zo + j);
            }
            for (; j < h; j++) {
                double s = z[zo + j];
                for (int t = 0; t < terms; t++) {
                    s += k[ko + t] * a[t * h + j];
                }
                z[zo + j] = s;
            }
        }

        /** {@code dst[do+c] = (Σ_j x[xo+j] · w[wo + j·out + c]) + bias[bo+c]}, j ascending from 0. */
        static void affine(double[] x, int xo, int h, double[] w, int wo, int out, double[] bias, int bo,
                           double[] dst, int dOff) {
            int lanes = S.length();
            int c = 0;
            for (; c + lanes <= out; c += lanes) {
                DoubleVector acc = DoubleVector.zero(S);
                for (int j = 0; j < h; j++) {
                    acc = acc.add(DoubleVector.fromArray(S, w, wo + j * out + c).mul(x[xo + j]));
                }
                acc.add(DoubleVector.fromArray(S, bias, bo + c)).intoArray(dst, dOff + c);
            }
            for (; c < out; c++) {
                double s = 0;
                for (int j = 0; j < h; j++) {
                    s += x[xo + j] * w[wo + j * out + c];
                }
                dst[dOff + c] = s + bias[bo + c];
            }
        }
    }

    static void accumulate(double[] z, int zo, double[] k, int ko, int terms, double[] a, int h) {
        Simd.accumulate(z, zo, k, ko, terms, a, h);
    }

    static void affine(double[] x, int xo, int h, double[] w, int wo, int out, double[] bias, int bo, double[] dst,
                       int dOff) {
        Simd.affine(x, xo, h, w, wo, out, bias, bo, dst, dOff);
    }
}
