package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.StrategyFactory;

/** The {@code h-proposal-search} strategy: the paper's steps 1–3, handing δ to its {@code then} strategy. */
public final class HProposalSearchPlugin implements LrStrategyPlugin<HProposalSearchOptions> {
    @Override
    public String id() {
        return "h-proposal-search";
    }

    @Override
    public String description() {
        return "the paper's steps 1-3: shrink proposals H tenfold while gradient signs flip, fix a bound δ, "
                + "hand it to `then`";
    }

    @Override
    public Class<HProposalSearchOptions> optionsType() {
        return HProposalSearchOptions.class;
    }

    @Override
    public LrStrategy create(HProposalSearchOptions o, StrategyFactory strategies) {
        BoundedStrategy bounded = Successor.of(strategies, o.then());
        double[] h = o.proposals().stream().mapToDouble(Double::doubleValue).toArray();
        return new HProposalSearch(h, o.alpha(), o.beta(), o.maxShrinks(), HProposalSearchOptions.ZEROS.get(o.zeros()),
                bounded);
    }
}
