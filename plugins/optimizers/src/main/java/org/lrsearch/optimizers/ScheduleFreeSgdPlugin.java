package org.lrsearch.optimizers;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.TraceSink;

/**
 * {@code schedule-free-sgd}: Schedule-Free SGD (Defazio et al., 2024) as the authors'
 * {@code SGDScheduleFreeReference}. The model trains at y (the training point θ) and is evaluated at x,
 * the weighted average of the z sequence. For a rate η: γ = η·sched, lr_max′ = max(γ, lr_max),
 * w = (k+1)^r·lr_max′^p, W′ = W + w, c = w/W′; z′ = z − γ·g̃, x′ = (1 − c)·x + c·z′,
 * θ(η) = y′ = β·x′ + (1 − β)·z′, computed in the reference's order for each trial's own η.
 */
public final class ScheduleFreeSgdPlugin implements OptimizerPlugin<ScheduleFreeSgdPlugin.Options> {

    /** Options of {@code schedule-free-sgd}: the reference's, with its defaults. */
    public record Options(
            @Option(description = "β, the interpolation between x and z, in (0, 1)", defaultValue = "0.9") Double momentum,
            @Option(description = "steps over which the rate warms up linearly, >= 0", defaultValue = "0")
            Integer warmupSteps,
            @Option(description = "r, the power of (k+1) in the averaging weight, >= 0", defaultValue = "0") Double r,
            @Option(description = "the power of lr_max in the averaging weight, >= 0", defaultValue = "2")
            Double weightLrPower,
            @Option(description = "λ, L2 weight decay added to g at y, >= 0", defaultValue = "0") Double weightDecay) {
        public Options {
            InvalidOptionException.require(momentum > 0 && momentum < 1, "momentum", momentum, "must be in (0, 1)");
            InvalidOptionException.require(warmupSteps >= 0, "warmupSteps", warmupSteps, "must be >= 0");
            InvalidOptionException.require(r >= 0 && Double.isFinite(r), "r", r, "must be finite and >= 0");
            InvalidOptionException.require(weightLrPower >= 0 && Double.isFinite(weightLrPower), "weightLrPower",
                    weightLrPower, "must be finite and >= 0");
            InvalidOptionException.require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay,
                    "must be finite and >= 0");
        }
    }

    @Override public String id() { return "schedule-free-sgd"; }
    @Override public String description() { return "Schedule-Free SGD: trains at y, evaluated at the average x (Defazio et al. 2024)"; }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public Optimizer create(Options o) {
        return new ScheduleFree(o);
    }

    /** The state k, lr_max, W, z, x and this iteration's map. */
    private static final class ScheduleFree implements Optimizer {
        private final Options o;
        private int k;
        private double lrMax = -1;
        private double weightSum;
        private double[] z;
        private double[] x;
        private double[] theta;
        private double[] gt;
        private double[] decayed;
        private double[] zNext;
        private double[] xNext;
        private double gamma;
        private double c;
        private double weightSumNext;
        private double lrMaxNext;

        ScheduleFree(Options o) {
            this.o = o;
        }

        /** z, x and y are affine combinations of θ₀ and gradients, unless weight decay adds θ itself. */
        @Override
        public boolean linear() {
            return o.weightDecay() == 0;
        }

        @Override
        public void form(double[] theta, double[] g) {
            this.theta = theta;
            if (decayed == null) {
                decayed = new double[g.length];
                zNext = new double[g.length];
                xNext = new double[g.length];
            }
            gt = Vec.decayed(g, o.weightDecay(), theta, decayed);
        }

        /** z′, x′ and the scalars for η, in the reference's order; returns nothing, fills the fields. */
        private void step(double eta) {
            double sched = k < o.warmupSteps() ? (double) (k + 1) / o.warmupSteps() : 1.0;
            gamma = eta * sched;
            lrMaxNext = Math.max(gamma, lrMax);
            double w = Math.pow(k + 1, o.r()) * Math.pow(lrMaxNext, o.weightLrPower());
            weightSumNext = weightSum + w;
            c = weightSumNext == 0 ? 0 : w / weightSumNext;
            double[] zz = z == null ? theta : z, xx = x == null ? theta : x;
            for (int i = 0; i < gt.length; i++) {
                zNext[i] = zz[i] - gamma * gt[i];
                xNext[i] = xx[i] * (1 - c) + c * zNext[i];
            }
        }

        @Override
        public void point(double eta, double[] out) {
            step(eta);
            double beta = o.momentum();
            for (int i = 0; i < out.length; i++) {
                out[i] = xNext[i] * beta + (1 - beta) * zNext[i];
            }
        }

        @Override
        public void commit(double eta, TraceSink trace) {
            step(eta);
            trace.scalar("scheduledLr", gamma);
            trace.scalar("c", c);
            trace.scalar("weightSum", weightSumNext);
            double[] t = z == null ? new double[gt.length] : z;
            z = zNext;
            zNext = t;
            t = x == null ? new double[gt.length] : x;
            x = xNext;
            xNext = t;
            lrMax = lrMaxNext;
            weightSum = weightSumNext;
            k++;
        }

        @Override
        public boolean evaluationPoint(double[] theta, double[] out) {
            if (x == null) {
                return false;
            }
            System.arraycopy(x, 0, out, 0, out.length);
            return true;
        }

        private record State(int k, double lrMax, double weightSum, double[] z, double[] x) {
        }

        @Override
        public Object saveState() {
            return new State(k, lrMax, weightSum, Vec.copy(z), Vec.copy(x));
        }

        @Override
        public void restoreState(Object state) {
            State s = (State) state;
            k = s.k();
            lrMax = s.lrMax();
            weightSum = s.weightSum();
            z = Vec.copy(s.z());
            x = Vec.copy(s.x());
        }
    }
}
