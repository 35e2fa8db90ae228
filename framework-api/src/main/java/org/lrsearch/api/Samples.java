package org.lrsearch.api;

import java.util.Objects;

/**
 * A block of labelled examples, features dense and row-major: example {@code i} occupies
 * {@code values[i * features .. (i + 1) * features)}. Shared read-only between runs.
 *
 * @param count    number of examples
 * @param features features per example (784 for MNIST)
 * @param values   feature values, {@code count * features} of them
 * @param labels   class of each example, {@code count} of them
 *
 * @since 0.1
 */
public record Samples(int count, int features, double[] values, int[] labels) {
    public Samples {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(labels, "labels");
        if (count < 0 || features <= 0 || values.length != (long) count * features || labels.length != count) {
            throw new IllegalArgumentException("samples: " + count + " examples of " + features
                    + " features need " + (long) count * features + " values and " + count
                    + " labels, got " + values.length + " and " + labels.length);
        }
    }

    /** The examples at {@code rows}, copied, in that order. */
    public Samples select(int[] rows) {
        double[] v = new double[rows.length * features];
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * features, v, i * features, features);
            l[i] = labels[rows[i]];
        }
        return new Samples(rows.length, features, v, l);
    }
}
