package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.StepContext;

/**
 * A learning-rate schedule η_u = f(u, U) of its own step count u (docs/STRATEGIES.md,
 * "Schedules"): base is its {@code lr} alone or the bound δ under a searcher, u counts from the
 * iteration it first steps, and U is the number of iterations it will step (the run's remaining
 * iterations, counting that first one).
 */
abstract class Schedule implements BoundedStrategy {
    protected double base;
    private int u;
    private int steps = -1;

    Schedule(double base) {
        this.base = base;
    }

    @Override
    public void acceptBound(double delta) {
        base = delta;
    }

    @Override
    public final void step(StepContext context) {
        if (steps < 0) {
            steps = context.totalIterations() - context.iteration();
        }
        context.commit(rate(u++, steps));
    }

    /** η at own step {@code u} of {@code total}. */
    abstract double rate(int u, int total);
}
