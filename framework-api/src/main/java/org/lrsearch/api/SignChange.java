package org.lrsearch.api;

/**
 * The sign-change measure G of the paper (docs/METHOD.md §2): the percentage of gradient components
 * whose sign differs between the gradient at θ and the gradient at a trial point θ − η·g.
 *
 * <p>Shared by every strategy that measures overshoot, so that all of them count the same way:
 * over all P components, zeros included, with sign(0) = 0 (a component going from 0 to a non-zero
 * value counts as a change).
 *
 * @since 0.1
 */
public final class SignChange {
    private SignChange() {
    }

    /**
     * G as a percentage in [0, 100].
     *
     * @param before gradient at θ
     * @param after  gradient at the trial point, same length
     */
    public static double percent(double[] before, double[] after) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("gradients differ in length: " + before.length + " vs " + after.length);
        }
        if (before.length == 0) {
            throw new IllegalArgumentException("empty gradient");
        }
        long changed = 0;
        for (int i = 0; i < before.length; i++) {
            // Math.signum keeps 0 as 0 and NaN as NaN, and NaN never equals a sign: a blown-up
            // trial point counts as a change, which is what an overshoot measure should say.
            if (Math.signum(before[i]) != Math.signum(after[i])) {
                changed++;
            }
        }
        return 100.0 * changed / before.length;
    }
}
