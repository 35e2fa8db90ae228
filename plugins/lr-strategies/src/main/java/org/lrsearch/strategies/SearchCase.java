package org.lrsearch.strategies;

/** What one round of a proposal search decided (docs/METHOD.md §3, step 2). */
enum SearchCase {
    /** 2(a): G too high, proposals shrunk tenfold, same minibatch. */
    SHRINK("shrink"),
    /** 2(c): G in [β, α], one step with the smallest proposal. */
    STEP_SMALLEST("stepSmallest"),
    /** 2(b): G below β, the bound δ is fixed. */
    BOUND("bound"),
    /** The shrink limit was hit: δ = smallest proposal, with a warning. */
    GIVE_UP("giveUp");

    private final String key;

    SearchCase(String key) {
        this.key = key;
    }

    /** The spelling used in traces (matches the golden traces). */
    public String key() {
        return key;
    }
}
