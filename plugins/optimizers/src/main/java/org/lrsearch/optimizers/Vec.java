package org.lrsearch.optimizers;

/** The few O(P) loops the optimizers share. */
final class Vec {
    private Vec() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** out = base − η·d, the affine form θ(η) of sgd, momentum, adam and adamw. */
    static void affine(double[] base, double eta, double[] d, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = base[i] - eta * d[i];
        }
    }

    /** g + λ·θ (coupled weight decay), or g itself when λ is 0. */
    static double[] decayed(double[] g, double lambda, double[] theta, double[] scratch) {
        if (lambda == 0) {
            return g;
        }
        for (int i = 0; i < g.length; i++) {
            scratch[i] = g[i] + lambda * theta[i];
        }
        return scratch;
    }

    static double[] copy(double[] v) {
        return v == null ? null : v.clone();
    }
}
