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
 * @param shape    for images, (channels, height, width) with their product {@code features}; null otherwise
 *
 * @since 0.1
 */
public record Samples(int count, int features, double[] values, int[] labels, int[] shape) {

    /** Examples that are not images (or whose shape does not matter). */
    public Samples(int count, int features, double[] values, int[] labels) {
        this(count, features, values, labels, null);
    }

    public Samples {
        if (shape != null && (shape.length != 3 || (long) shape[0] * shape[1] * shape[2] != features)) {
            throw new IllegalArgumentException("samples: shape " + java.util.Arrays.toString(shape)
                    + " is not (channels, height, width) of " + features + " features");
        }
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
        return new Samples(rows.length, features, v, l, shape);
    }
}
