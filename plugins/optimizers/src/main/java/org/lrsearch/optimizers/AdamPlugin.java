package org.lrsearch.optimizers;

import org.lrsearch.api.Option;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;

/** {@code adam}: Adam with coupled L2 weight decay, as {@code torch.optim.Adam} (amsgrad off). */
public final class AdamPlugin implements OptimizerPlugin<AdamPlugin.Options> {

    /** Options of {@code adam}. */
    public record Options(
            @Option(description = "β1, the first moment's decay, in [0, 1)", defaultValue = "0.9") Double beta1,
            @Option(description = "β2, the second moment's decay, in [0, 1)", defaultValue = "0.999") Double beta2,
            @Option(description = "ε, added to the root of the second moment, >= 0", defaultValue = "1e-8") Double eps,
            @Option(description = "λ, coupled L2 weight decay added to g, >= 0", defaultValue = "0") Double weightDecay) {
        public Options {
            Adam.validate(beta1, beta2, eps, weightDecay);
        }
    }

    @Override public String id() { return "adam"; }
    @Override public String description() { return "Adam with coupled L2 weight decay (torch.optim.Adam)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options o) {
        return new Adam(o.beta1(), o.beta2(), o.eps(), o.weightDecay(), false);
    }
}
