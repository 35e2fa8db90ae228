package org.lrsearch.api;

/**
 * A strategy that works below an upper bound handed to it by a searcher: the searcher runs
 * until it fixes δ, calls {@link #acceptBound(double)}, and from then on delegates every step.
 *
 * <p>Example: a selector choosing among fractions of δ, or a cosine schedule capped at δ. Under a
 * searcher, {@link #step} is never called before {@link #acceptBound}; a bounded strategy may
 * also run on its own (then it never receives a bound and uses its own settings).
 *
 * @since 0.1
 */
public interface BoundedStrategy extends LrStrategy {

    /** Receives δ (finite, &gt; 0) once, before the first step. */
    void acceptBound(double delta);

    /**
     * True when, as configured, it cannot run on its own (e.g. {@code fixed} without {@code lr}):
     * the runner then refuses it as a top-level strategy before any run starts.
     */
    default boolean needsBound() {
        return false;
    }
}
