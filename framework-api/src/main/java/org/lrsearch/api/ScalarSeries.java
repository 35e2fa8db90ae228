package org.lrsearch.api;

/**
 * A number a strategy recorded under one name ({@link TraceSink#scalar}), at the iterations it
 * recorded it.
 *
 * @param name       the scalar's name
 * @param iterations the iterations (0-based, ascending)
 * @param values     the value at each
 * @since 0.1
 */
public record ScalarSeries(String name, int[] iterations, double[] values) {
    public ScalarSeries {
        if (iterations.length != values.length) {
            throw new IllegalArgumentException(name + ": " + iterations.length + " iterations, " + values.length + " values");
        }
    }
}
