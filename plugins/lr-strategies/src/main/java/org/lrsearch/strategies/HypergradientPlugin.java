package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code hypergradient}: SGD-HD of Baydin et al., ICLR 2018. η_t = clip(η_{t−1} + hyperLr·h, minLr,
 * maxLr) with h = g_t · g_{t−1}, the dot product of this step's and its previous step's minibatch
 * gradients (docs/STRATEGIES.md).
 */
public final class HypergradientPlugin implements LrStrategyPlugin<HypergradientPlugin.Options> {

    /** Options of {@code hypergradient}. */
    public record Options(
            @Option(description = "the rate of the first step (under a bound: δ)", defaultValue = "0.01") Double initialLr,
            @Option(description = "the hypergradient step size", defaultValue = "0.001") Double hyperLr,
            @Option(description = "lower clip of the rate", defaultValue = "0") Double minLr,
            @Option(description = "upper clip of the rate (under a bound: δ)", defaultValue = ".inf") Double maxLr) {
        public Options {
            InvalidOptionException.requirePositiveRate("initialLr", initialLr);
            InvalidOptionException.require(hyperLr >= 0 && Double.isFinite(hyperLr), "hyperLr", hyperLr,
                    "must be finite and >= 0");
            InvalidOptionException.require(minLr >= 0 && Double.isFinite(minLr), "minLr", minLr, "must be finite and >= 0");
            InvalidOptionException.require(maxLr >= minLr, "maxLr", maxLr, "must be >= minLr (" + minLr + ")");
        }
    }

    @Override public String id() { return "hypergradient"; }
    @Override public String description() { return "hypergradient descent SGD-HD (Baydin et al. 2018)"; }
    @Override public Class<Options> optionsType() { return Options.class; }
    /** Derived for θ − η·g: refused with any other optimizer (docs/OPTIMIZERS.md). */
    @Override public boolean plainSgdOnly() { return true; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new BoundedStrategy() {
            private double initialLr = o.initialLr();
            private double maxLr = o.maxLr();
            private double eta = Double.NaN;
            private Snapshot previous;

            @Override
            public void acceptBound(double delta) {
                initialLr = delta;
                maxLr = delta;
            }

            @Override
            public void step(StepContext context) {
                double h;
                if (previous == null) {
                    eta = initialLr;
                    h = 0;
                } else {
                    h = context.gradientDot(previous);
                    eta = Math.min(Math.max(eta + o.hyperLr() * h, o.minLr()), maxLr);
                }
                context.trace().scalar("hypergradient", h);
                previous = context.gradientSnapshot();
                context.commit(eta);
            }
        };
    }
}
