package org.lrsearch.strategies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One round of a proposal search (docs/METHOD.md §3), recorded as a {@code searchRound} trace event
 * with the fields the golden traces use: {@code case}, {@code H}, {@code G} and {@code delta}.
 *
 * @param decision           what the round decided
 * @param proposals          the proposal set H tried
 * @param signChangePercents G of each proposal, in percent
 * @param delta              the bound fixed by this round, or NaN when none was
 */
record SearchRound(SearchCase decision, double[] proposals, double[] signChangePercents, double delta) {
    static final String EVENT = "searchRound";

    /** The trace event's fields. */
    Map<String, Object> payload() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", decision.key());
        m.put("H", proposals.clone());
        m.put("G", signChangePercents.clone());
        m.put("delta", delta);
        return m;
    }
}
