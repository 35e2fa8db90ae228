package org.lrsearch.api;

import java.util.OptionalDouble;

/**
 * Decides each iteration's update. One instance per run; it may keep state across iterations.
 * The runner calls {@link #step} once per iteration, in order.
 */
public interface LrStrategy {

    /** Inspects trials as it needs and commits at most one update. */
    void step(StepContext context);

    /** The upper bound δ this strategy settled on, when it searches for one. */
    default OptionalDouble bound() {
        return OptionalDouble.empty();
    }
}
