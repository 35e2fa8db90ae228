package org.lrsearch.api;

/**
 * A read-only copy of a gradient or of the parameters, taken through a {@link StepContext} and
 * handed back to it ({@link StepContext#gradientDot}, {@link StepContext#distanceSq},
 * {@link StepContext#restore}): a strategy can keep one across iterations without touching arrays.
 *
 * @since 0.1
 */
public interface Snapshot {

    /** What was copied. */
    enum Kind {
        /** A minibatch gradient g. */
        GRADIENT,
        /** The parameters θ. */
        PARAMETERS
    }

    Kind kind();

    /** The training iteration (0-based) in which it was taken. */
    int iteration();
}
