package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;

/**
 * A strategy that computes its own rate and, under a searcher, takes the bound δ as a cap on it
 * (docs/STRATEGIES.md: "under a bound δ, η is additionally capped at δ"); its other state is
 * unaffected by the bound.
 */
abstract class CappedByBound implements BoundedStrategy {
    /** The cap on every rate: +∞ alone, δ once a searcher has fixed it. */
    double cap = Double.POSITIVE_INFINITY;

    @Override
    public final void acceptBound(double delta) {
        cap = delta;
    }
}
