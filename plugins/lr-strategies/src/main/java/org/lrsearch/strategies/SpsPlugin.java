package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code sps}: the stochastic Polyak step SPS_max of Loizou et al., AISTATS 2021:
 * η = min((L_B(θ) − fStar) / (c·‖g‖²), maxLr), and maxLr when ‖g‖² = 0 (docs/STRATEGIES.md).
 */
public final class SpsPlugin implements LrStrategyPlugin<SpsPlugin.Options> {

    /** Options of {@code sps}. */
    public record Options(
            @Option(description = "scale of the Polyak step, > 0", defaultValue = "0.5") Double c,
            @Option(description = "the optimal loss assumed (0 for interpolating models)", defaultValue = "0") Double fStar,
            @Option(description = "cap on the rate (under a bound: δ)", defaultValue = "1") Double maxLr) {
        public Options {
            InvalidOptionException.require(c > 0 && Double.isFinite(c), "c", c, "must be finite and > 0");
            InvalidOptionException.require(Double.isFinite(fStar), "fStar", fStar, "must be finite");
            InvalidOptionException.require(maxLr > 0, "maxLr", maxLr, "must be > 0 (.inf for no cap)");
        }
    }

    @Override public String id() { return "sps"; }
    @Override public String description() { return "stochastic Polyak step SPS_max (Loizou et al. 2021)"; }
    @Override public Class<Options> optionsType() { return Options.class; }
    /** Derived for θ − η·g: refused with any other optimizer (docs/OPTIMIZERS.md). */
    @Override public boolean plainSgdOnly() { return true; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new BoundedStrategy() {
            private double maxLr = o.maxLr();

            @Override
            public void acceptBound(double delta) {
                maxLr = delta;
            }

            @Override
            public void step(StepContext context) {
                double gradNormSq = context.gradNormSq();
                double polyak = gradNormSq == 0 ? Double.POSITIVE_INFINITY
                        : (context.loss() - o.fStar()) / (o.c() * gradNormSq);
                context.trace().scalar("polyak", polyak);
                context.trace().scalar("gradNormSq", gradNormSq);
                context.commit(Math.min(polyak, maxLr));
            }
        };
    }
}
