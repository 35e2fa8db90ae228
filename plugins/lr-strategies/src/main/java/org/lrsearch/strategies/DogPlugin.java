package org.lrsearch.strategies;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code dog}: DoG, "Distance over Gradients" (Ivgi, Hoffer and Carmon, ICML 2023), a
 * learning-rate-free rule for plain SGD, as the reference {@code DoG} of {@code formll/dog} 1.1.0
 * computes it with one parameter group (docs: shared OPTIMIZERS.md, "dog"). Norms are global:
 * all parameters as one vector.
 *
 * <p>Call order per step t (counted from its first step, "Counting under a bound"): at t = 0,
 * θ₀ = θ, r̄ = repsRel·(1 + ‖θ₀‖) (0 with {@code initEta}) and G = ‖g‖² + eps; at t > 0,
 * r̄ = max(r̄, ‖θ − θ₀‖) with θ before this step's update, and G += ‖g‖². Then η = c·r̄/√G
 * ({@code initEta} at t = 0 when given), capped at δ under a bound, and committed.
 */
public final class DogPlugin implements LrStrategyPlugin<DogPlugin.Options> {

    /** Options of {@code dog}. */
    public record Options(
            @Option(description = "multiplies the rate r̄/√G (the reference's lr), > 0", defaultValue = "1") Double c,
            @Option(description = "the initial distance r̄ = repsRel·(1 + ‖θ₀‖), > 0", defaultValue = "1e-6")
            Double repsRel,
            @Option(description = "added to G = Σ‖g‖² at the first step, >= 0", defaultValue = "1e-8") Double eps,
            @Option(description = "the first step's rate, > 0; when given, repsRel counts as 0 (no default)")
            Double initEta) {
        public Options {
            InvalidOptionException.require(c > 0 && Double.isFinite(c), "c", c, "must be finite and > 0");
            InvalidOptionException.require(initEta != null || repsRel > 0 && Double.isFinite(repsRel), "repsRel", repsRel,
                    "must be finite and > 0 (unless initEta is given)");
            InvalidOptionException.require(eps >= 0 && Double.isFinite(eps), "eps", eps, "must be finite and >= 0");
            InvalidOptionException.require(initEta == null || initEta > 0 && Double.isFinite(initEta), "initEta", initEta,
                    "must be finite and > 0");
        }
    }

    @Override public String id() { return "dog"; }
    @Override public String description() { return "DoG: distance over gradients, learning-rate-free SGD (Ivgi et al. 2023)"; }
    @Override public Class<Options> optionsType() { return Options.class; }
    /** Derived for θ − η·g: refused with any other optimizer (docs/OPTIMIZERS.md). */
    @Override public boolean plainSgdOnly() { return true; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new CappedByBound() {
            private Snapshot theta0;
            private double rBar;
            private double gSum;

            @Override
            public void step(StepContext context) {
                double gradNormSq = context.gradNormSq();
                double distance = 0;
                boolean first = theta0 == null;
                if (first) {
                    theta0 = context.parameterSnapshot();
                    rBar = o.initEta() != null ? 0 : o.repsRel() * (1 + Math.sqrt(context.parameterNormSq()));
                    gSum = gradNormSq + o.eps();
                } else {
                    distance = Math.sqrt(context.distanceSq(theta0));
                    rBar = Math.max(rBar, distance);
                    gSum += gradNormSq;
                }
                context.trace().scalar("distance", distance);
                context.trace().scalar("rBar", rBar);
                context.trace().scalar("gradNormSq", gradNormSq);
                context.trace().scalar("gSumSq", gSum);
                if (!(gSum > 0)) {
                    // The reference asserts G > 0: every gradient so far was zero (and eps is 0).
                    context.diverged("DoG: the sum of squared gradient norms G = " + gSum + " is not > 0");
                    return;
                }
                double eta = first && o.initEta() != null ? o.initEta() : o.c() * rBar / Math.sqrt(gSum);
                context.commit(Math.min(eta, cap));
            }
        };
    }
}
