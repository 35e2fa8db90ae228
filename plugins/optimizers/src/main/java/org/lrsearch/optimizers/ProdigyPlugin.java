package org.lrsearch.optimizers;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;

/**
 * {@code prodigy}: Prodigy in its Adam form (Mishchenko and Defazio, ICML 2024), as {@code Prodigy} of
 * {@code konstmish/prodigy} computes it with one parameter group; the strategy's η is the reference's
 * {@code lr}, so {@code fixed} with {@code lr: 1.0} is its default use.
 */
public final class ProdigyPlugin implements OptimizerPlugin<ProdigyPlugin.Options> {

    /** Options of {@code prodigy}: the reference's, with its defaults. */
    public record Options(
            @Option(description = "β1, the first moment's decay, in [0, 1)", defaultValue = "0.9") Double beta1,
            @Option(description = "β2, the second moment's decay, in [0, 1)", defaultValue = "0.999") Double beta2,
            @Option(description = "β3, the decay of the d estimate's sums, in [0, 1) (√β2 when not given)")
            Double beta3,
            @Option(description = "ε, added to the root of the second moment (times d), > 0", defaultValue = "1e-8")
            Double eps,
            @Option(description = "d0, the initial estimate of the distance to the solution, > 0", defaultValue = "1e-6")
            Double d0,
            @Option(description = "multiplies the estimate d̂, > 0", defaultValue = "1") Double dCoef,
            @Option(description = "the largest factor by which d may grow in one step, > 0", defaultValue = ".inf")
            Double growthRate,
            @Option(description = "λ, weight decay, >= 0", defaultValue = "0") Double weightDecay,
            @Option(description = "decoupled (AdamW-style) weight decay, else added to g", defaultValue = "true")
            Boolean decouple,
            @Option(description = "Adam's bias correction in the step size", defaultValue = "false")
            Boolean useBiasCorrection,
            @Option(description = "s accumulates d·g instead of d·η·g (for warm-up schedules)", defaultValue = "false")
            Boolean safeguardWarmup) {
        public Options {
            Adam.validateBetas(beta1, beta2, weightDecay);
            InvalidOptionException.require(beta3 == null || beta3 >= 0 && beta3 < 1, "beta3", beta3, "must be in [0, 1)");
            InvalidOptionException.require(eps > 0 && Double.isFinite(eps), "eps", eps, "must be finite and > 0");
            InvalidOptionException.require(d0 > 0 && Double.isFinite(d0), "d0", d0, "must be finite and > 0");
            InvalidOptionException.require(dCoef > 0 && Double.isFinite(dCoef), "dCoef", dCoef, "must be finite and > 0");
            InvalidOptionException.require(growthRate > 0, "growthRate", growthRate, "must be > 0 (.inf for no limit)");
        }
    }

    @Override public String id() { return "prodigy"; }
    @Override public String description() { return "Prodigy: learning-rate-free Adam, d estimated on the fly (Mishchenko & Defazio 2024)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options o) {
        return new Prodigy(o);
    }
}
