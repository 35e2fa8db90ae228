package org.lrsearch.api;

/**
 * How the k images of each class are chosen for a k-shot training set.
 *
 * @since 0.1
 */
public enum Selection {
    /** The first k images of each class in file order (the paper's Table 1 sample). */
    FIRST,
    /** k per class without replacement, from the run's seeded RNG (multi-seed studies). */
    RANDOM;

    /** The spelling used in configs and results. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
