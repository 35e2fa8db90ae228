package org.lrsearch.strategies;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.Snapshot;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code d-adaptation}: D-Adaptation in its SGD form without momentum (Defazio and Mishchenko, ICML
 * 2023), as docs/STRATEGIES.md states it. η = d·scale/G0 with G0 = ‖g‖ of the first step; after the
 * step, s = θ₀ − θ (no momentum: s accumulates η·g), q accumulates η²·‖g‖², and the lower bound
 * d̂ = (‖s‖² − q)/‖s‖ raises d.
 */
public final class DAdaptationPlugin implements LrStrategyPlugin<DAdaptationPlugin.Options> {

    /** Options of {@code d-adaptation}. */
    public record Options(
            @Option(description = "the initial estimate d0 of the distance to a solution, > 0", defaultValue = "1e-6")
            Double d0,
            @Option(description = "multiplies the rate", defaultValue = "1") Double scale,
            @Option(description = "cap on d's growth per step (d <= d·growth)", defaultValue = ".inf") Double growth) {
        public Options {
            InvalidOptionException.require(d0 > 0 && Double.isFinite(d0), "d0", d0, "must be finite and > 0");
            InvalidOptionException.require(scale > 0 && Double.isFinite(scale), "scale", scale, "must be finite and > 0");
            InvalidOptionException.require(growth >= 1, "growth", growth, "must be >= 1 (.inf for no cap)");
        }
    }

    @Override public String id() { return "d-adaptation"; }
    @Override public String description() { return "D-Adaptation, SGD form without momentum (Defazio & Mishchenko 2023)"; }
    @Override public Class<Options> optionsType() { return Options.class; }
    /** Derived for θ − η·g: refused with any other optimizer (docs/OPTIMIZERS.md). */
    @Override public boolean plainSgdOnly() { return true; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        return new CappedByBound() {
            private double d = o.d0();
            private double q;
            private double g0 = Double.NaN;
            private Snapshot theta0;

            @Override
            public void step(StepContext context) {
                double gradNormSq = context.gradNormSq();
                context.trace().scalar("gradNormSq", gradNormSq);
                if (Double.isNaN(g0)) {
                    if (gradNormSq == 0) {
                        // Nothing to scale by yet: a step of zero, d unchanged.
                        context.trace().scalar("d", d);
                        context.trace().scalar("dHat", d);
                        context.trace().scalar("dNext", d);
                        context.commit(0);
                        return;
                    }
                    g0 = Math.sqrt(gradNormSq);
                    theta0 = context.parameterSnapshot();
                }
                double eta = Math.min(d * o.scale() / g0, cap);
                context.commit(eta);
                q += eta * eta * gradNormSq;
                double sNormSq = context.distanceSq(theta0);
                double sNorm = Math.sqrt(sNormSq);
                double dHat = sNorm == 0 ? d : (sNormSq - q) / sNorm;
                double next = Math.max(d, Math.min(dHat, d * o.growth()));
                context.trace().scalar("d", d);
                context.trace().scalar("dHat", dHat);
                context.trace().scalar("dNext", next);
                d = next;
            }
        };
    }
}
