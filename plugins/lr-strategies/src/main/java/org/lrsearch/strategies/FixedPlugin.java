package org.lrsearch.strategies;

import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.StrategyFactory;

/** The {@code fixed} strategy: plain SGD with one learning rate, the paper's baselines 0.1 and 0.01. */
public final class FixedPlugin implements LrStrategyPlugin<FixedOptions> {
    @Override
    public String id() {
        return "fixed";
    }

    @Override
    public String description() {
        return "plain SGD with a fixed learning rate (the paper's baselines)";
    }

    @Override
    public Class<FixedOptions> optionsType() {
        return FixedOptions.class;
    }

    @Override
    public LrStrategy create(FixedOptions options, StrategyFactory strategies) {
        double lr = options.lr();
        return context -> context.commit(lr);
    }
}
