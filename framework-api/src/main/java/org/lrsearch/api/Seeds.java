package org.lrsearch.api;

/**
 * Derives independent, reproducible RNG seeds from a run's seed, one per purpose (k-shot
 * selection, weight init, minibatches), so that adding a random draw in one place never shifts
 * the numbers drawn in another.
 *
 * @since 0.1
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for {@code purpose} (e.g. {@code "init"}) that depends only on both arguments. */
    public static long derive(long seed, String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < purpose.length(); i++) {
            h = mix(h ^ purpose.charAt(i));
        }
        return mix(h);
    }

    // SplitMix64's finaliser: a bijection with good avalanche.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
