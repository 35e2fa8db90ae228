package org.lrsearch.api;

/**
 * One round of a proposal search, as recorded in the run's trace.
 *
 * @param iteration training iteration the round ran in (0-based)
 * @param decision  what the round decided
 * @param proposals the proposal set H tried
 * @param g         G of each proposal, in percent
 * @param delta     the bound fixed by this round, or NaN when none was
 */
public record SearchRound(int iteration, SearchCase decision, double[] proposals, double[] g, double delta) {
}
