package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * The {@code fixed} strategy: plain SGD with one learning rate, the paper's baselines 0.1 and 0.01;
 * under a searcher's bound δ it steps with δ (docs/STRATEGIES.md, "fixed").
 */
public final class FixedPlugin implements LrStrategyPlugin<FixedOptions> {
    @Override
    public String id() {
        return "fixed";
    }

    @Override
    public String description() {
        return "plain SGD with a fixed learning rate (the paper's baselines); under a bound δ, η = δ";
    }

    @Override
    public Class<FixedOptions> optionsType() {
        return FixedOptions.class;
    }

    @Override
    public LrStrategy create(FixedOptions options, StrategyFactory strategies) {
        return new BoundedStrategy() {
            private double lr = options.lr() == null ? Double.NaN : options.lr();

            @Override
            public void acceptBound(double delta) {
                lr = delta;
            }

            @Override
            public boolean needsBound() {
                return Double.isNaN(lr);
            }

            @Override
            public void step(StepContext context) {
                context.commit(lr);
            }
        };
    }
}
