package org.lrsearch.optimizers;

import org.lrsearch.api.Option;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;

/** {@code adamw}: Adam with decoupled weight decay, θ(η) = θ − η·(d + λθ), as {@code torch.optim.AdamW}. */
public final class AdamWPlugin implements OptimizerPlugin<AdamWPlugin.Options> {

    /** Options of {@code adamw}. */
    public record Options(
            @Option(description = "β1, the first moment's decay, in [0, 1)", defaultValue = "0.9") Double beta1,
            @Option(description = "β2, the second moment's decay, in [0, 1)", defaultValue = "0.999") Double beta2,
            @Option(description = "ε, added to the root of the second moment, >= 0", defaultValue = "1e-8") Double eps,
            @Option(description = "λ, decoupled weight decay: θ shrinks by η·λ·θ, >= 0", defaultValue = "0.01") Double weightDecay) {
        public Options {
            Adam.validate(beta1, beta2, eps, weightDecay);
        }
    }

    @Override public String id() { return "adamw"; }
    @Override public String description() { return "Adam with decoupled weight decay (torch.optim.AdamW)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options o) {
        return new Adam(o.beta1(), o.beta2(), o.eps(), o.weightDecay(), true);
    }
}
