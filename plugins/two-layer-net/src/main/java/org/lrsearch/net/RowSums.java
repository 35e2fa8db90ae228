package org.lrsearch.net;

/**
 * Sums of a few scaled rows added into one row, as {@link LowRankW1} keeps the training
 * pre-activations: each written as one left-to-right expression per element, so that the sums and
 * their order are those of one term at a time (the same bits) while a row is read and written once
 * per group of terms and the JIT vectorises over the row.
 */
final class RowSums {
    private RowSums() {
    }

    /**
     * {@code z[zo..zo+h) += Σ_t k[ko+t]·a[t·h..t·h+h)}, t ascending. Four terms per pass, written as
     * one left-to-right expression: the same sums in the same order as one term per pass (so the
     * same bits), but z is loaded and stored once per four terms and the JIT vectorises over j.
     */
    static void accumulate(double[] z, int zo, double[] k, int ko, int terms, double[] a, int h) {
        int t = 0;
        for (; t + 4 <= terms; t += 4) {
            double k0 = k[ko + t], k1 = k[ko + t + 1], k2 = k[ko + t + 2], k3 = k[ko + t + 3];
            int a0 = t * h, a1 = a0 + h, a2 = a1 + h, a3 = a2 + h;
            for (int j = 0; j < h; j++) {
                z[zo + j] = (((z[zo + j] + k0 * a[a0 + j]) + k1 * a[a1 + j]) + k2 * a[a2 + j]) + k3 * a[a3 + j];
            }
        }
        for (; t < terms; t++) {
            double kt = k[ko + t];
            int at = t * h;
            for (int j = 0; j < h; j++) {
                z[zo + j] += kt * a[at + j];
            }
        }
    }

    /**
     * {@code z[zo+j] −= η·(base[j] + Σ_t k[t]·a_t[j])} for the {@code terms} (1 to 4) terms from
     * {@code from}, summed left to right from base[j]: one pass over the row.
     */
    static void subtract(double[] z, int zo, double eta, double[] base, double[] k, int from, int terms,
                                 double[] a, int h) {
        int a0 = from * h, a1 = a0 + h, a2 = a1 + h, a3 = a2 + h;
        double k0 = k[from];
        switch (terms) {
            case 1 -> {
                for (int j = 0; j < h; j++) {
                    z[zo + j] -= eta * (base[j] + k0 * a[a0 + j]);
                }
            }
            case 2 -> {
                double k1 = k[from + 1];
                for (int j = 0; j < h; j++) {
                    z[zo + j] -= eta * ((base[j] + k0 * a[a0 + j]) + k1 * a[a1 + j]);
                }
            }
            case 3 -> {
                double k1 = k[from + 1], k2 = k[from + 2];
                for (int j = 0; j < h; j++) {
                    z[zo + j] -= eta * (((base[j] + k0 * a[a0 + j]) + k1 * a[a1 + j]) + k2 * a[a2 + j]);
                }
            }
            default -> {
                double k1 = k[from + 1], k2 = k[from + 2], k3 = k[from + 3];
                for (int j = 0; j < h; j++) {
                    z[zo + j] -= eta * ((((base[j] + k0 * a[a0 + j]) + k1 * a[a1 + j]) + k2 * a[a2 + j])
                            + k3 * a[a3 + j]);
                }
            }
        }
    }
}
