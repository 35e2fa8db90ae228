package org.lrsearch.api;

/**
 * One point of a test-accuracy curve.
 *
 * @param iteration     iterations completed
 * @param testAccuracy  test accuracy at that point
 * @param lr            the learning rate of the last update before it (NaN when none)
 *
 * @since 0.1
 */
public record CurvePoint(int iteration, double testAccuracy, double lr) {
}
