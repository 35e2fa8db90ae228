package org.lrsearch.runner.execute;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.api.Snapshot;

/**
 * Dense vector arithmetic behind the step context's gradient and parameter queries: works for any
 * model through {@code copyGradient} and {@code tensors}, in the flat order of the tensors.
 */
final class Vectors {
    private Vectors() {
    }

    /**
     * A snapshot: a private copy no strategy can reach; of the parameters, with the optimizer's state
     * then and θ in the optimizer's coordinates (both null for plain SGD), which a restore returns to.
     */
    record Copy(Snapshot.Kind kind, int iteration, double[] values, Object optimizerState, double[] spacePoint)
            implements Snapshot {
    }

    /** A gradient snapshot: the model's own copy (low-rank for the two-layer net), read only by the model. */
    record ModelCopy(int iteration, Object copy) implements Snapshot {
        @Override
        public Snapshot.Kind kind() {
            return Snapshot.Kind.GRADIENT;
        }
    }

    static double[] of(Snapshot s, Snapshot.Kind kind) {
        if (!(s instanceof Copy c) || c.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " snapshot taken through this run's step context, got " + s);
        }
        return c.values();
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] flatten(Map<String, double[]> tensors) {
        int n = tensors.values().stream().mapToInt(t -> t.length).sum();
        double[] out = new double[n];
        int o = 0;
        for (double[] t : tensors.values()) {
            System.arraycopy(t, 0, out, o, t.length);
            o += t.length;
        }
        return out;
    }

    /** {@code flat} cut into tensors shaped like {@code like}. */
    static Map<String, double[]> unflatten(double[] flat, Map<String, double[]> like) {
        Map<String, double[]> out = new LinkedHashMap<>();
        int o = 0;
        for (var e : like.entrySet()) {
            out.put(e.getKey(), java.util.Arrays.copyOfRange(flat, o, o + e.getValue().length));
            o += e.getValue().length;
        }
        return out;
    }
}
