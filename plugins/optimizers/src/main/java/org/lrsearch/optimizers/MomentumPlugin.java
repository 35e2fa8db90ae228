package org.lrsearch.optimizers;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.ParameterSpace;
import org.lrsearch.api.TraceSink;

/**
 * {@code momentum}: SGD with heavy-ball or Nesterov momentum as {@code torch.optim.SGD} (dampening 0):
 * g̃ = g + λθ; b = g̃ on the first commit, else μ·buf + g̃; d = b, or g̃ + μ·b with Nesterov;
 * θ(η) = θ − η·d, and a commit keeps buf ← b.
 */
public final class MomentumPlugin implements OptimizerPlugin<MomentumPlugin.Options> {

    /** Options of {@code momentum}. */
    public record Options(
            @Option(description = "μ, the momentum factor, >= 0", defaultValue = "0.9") Double momentum,
            @Option(description = "Nesterov's form d = g̃ + μ·b (needs μ > 0)", defaultValue = "false") Boolean nesterov,
            @Option(description = "λ, coupled L2 weight decay added to g, >= 0", defaultValue = "0") Double weightDecay) {
        public Options {
            InvalidOptionException.require(momentum >= 0 && Double.isFinite(momentum), "momentum", momentum,
                    "must be finite and >= 0");
            InvalidOptionException.require(!nesterov || momentum > 0, "nesterov", nesterov,
                    "needs momentum > 0 (momentum is " + momentum + ")");
            InvalidOptionException.require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay,
                    "must be finite and >= 0");
        }
    }

    @Override public String id() { return "momentum"; }
    @Override public String description() { return "SGD with heavy-ball or Nesterov momentum (torch.optim.SGD)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options o) {
        return new Optimizer() {
            private ParameterSpace space;
            private double[] buf;
            private double[] theta;
            private double[] b;
            private double[] d;
            private double[] decayed;

            /** Combinations of gradients only, unless weight decay adds θ itself. */
            @Override
            public boolean linear() {
                return o.weightDecay() == 0;
            }

            @Override
            public void innerProduct(ParameterSpace space) {
                this.space = space;
            }

            @Override
            public void form(double[] theta, double[] g) {
                this.theta = theta;
                if (b == null) {
                    b = new double[g.length];
                    d = new double[g.length];
                    decayed = new double[g.length];
                }
                double[] gt = Vec.decayed(g, o.weightDecay(), theta, decayed);
                double mu = o.momentum();
                for (int i = 0; i < g.length; i++) {
                    b[i] = buf == null ? gt[i] : mu * buf[i] + gt[i];
                    d[i] = o.nesterov() ? gt[i] + mu * b[i] : b[i];
                }
            }

            @Override
            public void point(double eta, double[] out) {
                Vec.affine(theta, eta, d, out);
            }

            @Override
            public void commit(double eta, TraceSink trace) {
                trace.scalar("directionNormSq", space == null ? Vec.dot(d, d) : space.dot(d, d));
                buf = b.clone();
            }

            @Override
            public Object saveState() {
                return Vec.copy(buf);
            }

            @Override
            public void restoreState(Object state) {
                buf = Vec.copy((double[]) state);
            }
        };
    }
}
