package org.lrsearch.strategies;

import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.StrategyFactory;

/** The {@code k-min-loss} strategy: the paper's steps 4–5, least loss among fractions of δ. */
public final class KMinLossPlugin implements LrStrategyPlugin<KMinLossOptions> {
    @Override
    public String id() {
        return "k-min-loss";
    }

    @Override
    public String description() {
        return "the paper's steps 4-5: each iteration, commit the candidate (δ/2, δ by default) with the least loss";
    }

    @Override
    public Class<KMinLossOptions> optionsType() {
        return KMinLossOptions.class;
    }

    @Override
    public LrStrategy create(KMinLossOptions o, StrategyFactory strategies) {
        return o.candidates() != null ? KMinLoss.withCandidates(o.candidates(), o.scope())
                : KMinLoss.withFractions(o.fractions(), o.scope());
    }
}
