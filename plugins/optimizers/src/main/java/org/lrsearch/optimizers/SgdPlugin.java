package org.lrsearch.optimizers;

import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.TraceSink;

/** {@code sgd}: plain SGD, θ(η) = θ − η·g, no state; the optimizer of every run that names none. */
public final class SgdPlugin implements OptimizerPlugin<SgdPlugin.Options> {

    /** {@code sgd} has no options. */
    public record Options() {
    }

    @Override public String id() { return "sgd"; }
    @Override public String description() { return "plain SGD, θ ← θ − η·g (the default, and the paper's)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options options) {
        return new Optimizer() {
            private double[] theta;
            private double[] g;

            @Override
            public boolean plainSgd() {
                return true;
            }

            @Override
            public void form(double[] theta, double[] gradient) {
                this.theta = theta;
                this.g = gradient;
            }

            @Override
            public void point(double eta, double[] out) {
                Vec.affine(theta, eta, g, out);
            }

            @Override
            public void commit(double eta, TraceSink trace) {
            }

            @Override
            public Object saveState() {
                return null;
            }

            @Override
            public void restoreState(Object state) {
            }
        };
    }
}
