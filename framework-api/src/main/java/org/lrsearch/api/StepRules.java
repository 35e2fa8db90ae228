package org.lrsearch.api;

/**
 * The rules every {@link StepContext} enforces, in one place for the runner's context and for test
 * contexts alike: a rate is finite and not negative (0 records a step that moves nothing, as a
 * clipped hypergradient rate does), an iteration commits at most once, and every trial comes before
 * the commit (after it, θ has moved while the gradient is still θ's).
 *
 * @since 0.1
 */
public final class StepRules {
    private StepRules() {
    }

    /**
     * @param committed the rate already committed this iteration, NaN when none
     * @throws IllegalStateException    on a second commit
     * @throws IllegalArgumentException on a rate that is negative or not finite
     */
    public static void checkCommit(double committed, double eta, int iteration) {
        if (!Double.isNaN(committed)) {
            throw new IllegalStateException("strategy committed twice in iteration " + iteration);
        }
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learning rate " + eta + " at iteration " + iteration
                    + " is not a finite rate >= 0");
        }
    }

    /**
     * @param thetaMoved whether θ moved this iteration (a commit or a restore)
     * @throws IllegalStateException when {@code call} (a trial) comes after θ moved
     */
    public static void checkTrial(boolean thetaMoved, String call, int iteration) {
        if (thetaMoved) {
            throw new IllegalStateException(call + " after commit in iteration " + iteration + ": a trial looks at "
                    + "θ − η·g for this iteration's gradient, and θ has already moved");
        }
    }
}
