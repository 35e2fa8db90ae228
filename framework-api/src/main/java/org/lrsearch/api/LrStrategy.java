package org.lrsearch.api;

import java.util.OptionalDouble;

/**
 * Decides each iteration's update. One instance per run; it may keep state across iterations.
 * The runner calls {@link #step} once per iteration, in order.
 *
 * @since 0.1
 */
public interface LrStrategy {

    /** Inspects trials as it needs and commits at most one update. */
    void step(StepContext context);

    /** The upper bound δ this strategy settled on, when it searches for one. */
    default OptionalDouble bound() {
        return OptionalDouble.empty();
    }

    /**
     * What the strategy settled on by the end of the run, by name (e.g. {@code delta}, the bound a
     * searcher fixed), stored with the run and shown in reports. Empty by default.
     */
    default java.util.Map<String, Double> results() {
        java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
        bound().ifPresent(d -> m.put("delta", d));
        return m;
    }
}
