package org.lrsearch.api;

/**
 * One point of a test-accuracy curve.
 *
 * @param iteration     iterations completed (updates done)
 * @param testAccuracy  test accuracy at that point
 * @param lr            the learning rate of the last update before it (NaN when none)
 * @param epoch         i·batchSize/n with i the 0-based index of the last update and n the training
 *                      set's size, as the book's training loop counts epochs: 0, 1, 2, … at the points of
 *                      {@code training.evalEvery: epoch} (a run's final point may be fractional); NaN
 *                      when not recorded
 * @param trainAccuracy accuracy on the training (k-shot) set at that point; NaN when the model does
 *                      not measure it ({@link Model#trainAccuracy()})
 * @param passes        forward plus backward minibatch passes the run had spent up to that point (the
 *                      compute a cost to a target is counted in); NaN when not recorded (stores
 *                      written before it was)
 *
 * @since 0.1 ({@code epoch} and {@code trainAccuracy} 0.2, {@code passes} 0.3)
 */
public record CurvePoint(int iteration, double testAccuracy, double lr, double epoch, double trainAccuracy,
                         double passes) {
    /** A point with test accuracy only. */
    public CurvePoint(int iteration, double testAccuracy, double lr) {
        this(iteration, testAccuracy, lr, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A point without its passes. */
    public CurvePoint(int iteration, double testAccuracy, double lr, double epoch, double trainAccuracy) {
        this(iteration, testAccuracy, lr, epoch, trainAccuracy, Double.NaN);
    }
}
