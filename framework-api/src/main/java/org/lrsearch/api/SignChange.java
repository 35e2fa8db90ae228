package org.lrsearch.api;

/**
 * The sign-change measure G of the paper (docs/METHOD.md §2): the percentage of gradient components
 * whose sign differs between the gradient at θ and the gradient at a trial point θ − η·g.
 *
 * <p>Shared by every strategy that measures overshoot, so that all of them count the same way. By
 * default ({@link Zeros#FLIP}, the paper's) over all P components, zeros included, with sign(0) = 0: a
 * component going from 0 to a non-zero value counts as a change. {@link Zeros#SKIP} leaves out every
 * component that is exactly 0 at either point (docs/CNN.md: a CNN's zero-bias components on blank image
 * regions are 0 at θ and non-zero after any step, so under FLIP they count as flips at every η).
 *
 * @since 0.1
 */
public final class SignChange {
    private SignChange() {
    }

    /** How components that are exactly 0 count. @since 0.3 */
    public enum Zeros {
        /** 0 → ± is a flip; G = 100 · changed / P (the paper). */
        FLIP,
        /** A component 0 at either point is left out of both the count and the total; G = 0 when none is left. */
        SKIP
    }

    /** G under {@link Zeros#FLIP}, the paper's count. */
    public static double percent(double[] before, double[] after) {
        return percent(before, after, Zeros.FLIP);
    }

    /**
     * G as a percentage in [0, 100].
     *
     * @param before gradient at θ
     * @param after  gradient at the trial point, same length
     * @param zeros  how exact zeros count
     * @since 0.3
     */
    public static double percent(double[] before, double[] after, Zeros zeros) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("gradients differ in length: " + before.length + " vs " + after.length);
        }
        if (before.length == 0) {
            throw new IllegalArgumentException("empty gradient");
        }
        long changed = 0, compared = 0;
        boolean skip = zeros == Zeros.SKIP;
        for (int i = 0; i < before.length; i++) {
            if (skip && (before[i] == 0 || after[i] == 0)) {
                continue;
            }
            compared++;
            // Math.signum keeps 0 as 0 and NaN as NaN, and NaN never equals a sign: a blown-up
            // trial point counts as a change, which is what an overshoot measure should say.
            if (Math.signum(before[i]) != Math.signum(after[i])) {
                changed++;
            }
        }
        return compared == 0 ? 0.0 : 100.0 * changed / compared;
    }
}
