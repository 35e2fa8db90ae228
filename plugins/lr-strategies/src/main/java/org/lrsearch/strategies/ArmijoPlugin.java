package org.lrsearch.strategies;

import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code armijo}: the stochastic Armijo line search of Vaswani et al., NeurIPS 2019 ("Painless
 * SGD"), as docs/STRATEGIES.md states it. Each iteration starts from a rate (reset to
 * {@code initialLr}, grown from the last one, or kept), backtracks by {@code beta} until
 * {@code L_B(θ − η·g) ≤ L_B(θ) − c·η·‖g‖²}, and commits.
 */
public final class ArmijoPlugin implements LrStrategyPlugin<ArmijoPlugin.Options> {

    /** Options of {@code armijo}. */
    public record Options(
            @Option(description = "the first rate tried (under a bound: δ)", defaultValue = "1") Double initialLr,
            @Option(description = "sufficient-decrease constant, in (0, 1)", defaultValue = "0.1") Double c,
            @Option(description = "backtracking factor, in (0, 1)", defaultValue = "0.9") Double beta,
            @Option(description = "growth per epoch of the start rate with reset grow, >= 1", defaultValue = "2")
            Double gamma,
            @Option(description = "start rate of each iteration: grow (last η·gamma^(1/⌈n/b⌉)), max (initialLr) "
                    + "or keep (last η)", defaultValue = "grow") String reset,
            @Option(description = "trials at most per iteration", defaultValue = "100") Integer maxBacktracks,
            @Option(description = "the rate committed when no trial is accepted", defaultValue = "1e-6") Double fallbackLr,
            @Option(description = "cap on the start rate (under a bound: δ)", defaultValue = ".inf") Double maxLr) {
        public Options {
            InvalidOptionException.requirePositiveRate("initialLr", initialLr);
            InvalidOptionException.require(c > 0 && c < 1, "c", c, "must be in (0, 1)");
            InvalidOptionException.require(beta > 0 && beta < 1, "beta", beta, "must be in (0, 1)");
            InvalidOptionException.require(gamma >= 1 && Double.isFinite(gamma), "gamma", gamma, "must be finite and >= 1");
            InvalidOptionException.require(java.util.List.of("grow", "max", "keep").contains(reset), "reset", reset,
                    "must be one of: grow, max, keep");
            InvalidOptionException.require(maxBacktracks >= 1, "maxBacktracks", maxBacktracks, "must be at least 1");
            InvalidOptionException.requirePositiveRate("fallbackLr", fallbackLr);
            InvalidOptionException.require(maxLr > 0, "maxLr", maxLr, "must be > 0 (.inf for no cap)");
        }
    }

    @Override public String id() { return "armijo"; }
    @Override public String description() {
        return "stochastic Armijo line search (Vaswani et al. 2019): backtrack until sufficient decrease";
    }
    @Override public Class<Options> optionsType() { return Options.class; }
    /** Derived for θ − η·g: refused with any other optimizer (docs/OPTIMIZERS.md). */
    @Override public boolean plainSgdOnly() { return true; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new BoundedStrategy() {
            private double initialLr = o.initialLr();
            private double maxLr = o.maxLr();
            private double previous = Double.NaN;

            @Override
            public void acceptBound(double delta) {
                initialLr = delta;
                maxLr = delta;
            }

            @Override
            public void step(StepContext context) {
                double eta;
                if (Double.isNaN(previous) || o.reset().equals("max")) {
                    eta = initialLr;
                } else if (o.reset().equals("grow")) {
                    int perEpoch = (int) Math.ceil((double) context.trainingSetSize() / context.batchSize());
                    eta = previous * Math.pow(o.gamma(), 1.0 / perEpoch);
                } else {
                    eta = previous;
                }
                eta = Math.min(eta, maxLr);
                double start = eta;
                double loss = context.loss();
                double gradNormSq = context.gradNormSq();
                int backtracks = 0;
                boolean found = false;
                for (int k = 0; k < o.maxBacktracks(); k++) {
                    if (context.trialLoss(eta) <= loss - o.c() * eta * gradNormSq) {
                        found = true;
                        break;
                    }
                    eta = o.beta() * eta;
                    backtracks++;
                }
                if (!found) {
                    eta = o.fallbackLr();
                }
                context.trace().scalar("start", start);
                context.trace().scalar("backtracks", backtracks);
                context.trace().scalar("found", found ? 1 : 0);
                context.trace().scalar("gradNormSq", gradNormSq);
                context.commit(eta);
                previous = eta;
            }
        };
    }
}
