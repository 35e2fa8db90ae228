package org.lrsearch.optimizers;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.TraceSink;

/**
 * Adam as {@code torch.optim.Adam} (coupled L2) or {@code torch.optim.AdamW} (decoupled decay), amsgrad
 * off: with t = k + 1, m′ = β1·m + (1 − β1)·g̃, v′ = β2·v + (1 − β2)·g̃², d = (m′/(1 − β1^t)) /
 * (√v′/√(1 − β2^t) + ε), ε outside the root; θ(η) = θ − η·d, for AdamW θ − η·(d + λθ).
 */
final class Adam implements Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double lambda;
    private final boolean decoupled;
    private double[] m;
    private double[] v;
    private int k;
    private double[] theta;
    private double[] mNext;
    private double[] vNext;
    private double[] direction;
    private double[] decayed;

    Adam(double beta1, double beta2, double eps, double lambda, boolean decoupled) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.lambda = lambda;
        this.decoupled = decoupled;
    }

    /** PyTorch's checks, with the same bounds for both forms. */
    static void validate(double beta1, double beta2, double eps, double weightDecay) {
        validateBetas(beta1, beta2, weightDecay);
        InvalidOptionException.require(eps >= 0 && Double.isFinite(eps), "eps", eps, "must be finite and >= 0");
    }

    /** 0 ≤ β1, β2 < 1 and λ ≥ 0, as PyTorch (and Prodigy) check them. */
    static void validateBetas(double beta1, double beta2, double weightDecay) {
        InvalidOptionException.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "must be in [0, 1)");
        InvalidOptionException.require(beta2 >= 0 && beta2 < 1, "beta2", beta2, "must be in [0, 1)");
        InvalidOptionException.require(weightDecay >= 0 && Double.isFinite(weightDecay), "weightDecay", weightDecay,
                "must be finite and >= 0");
    }

    @Override
    public void form(double[] theta, double[] g) {
        this.theta = theta;
        int p = g.length;
        if (m == null) {
            m = new double[p];
            v = new double[p];
            mNext = new double[p];
            vNext = new double[p];
            direction = new double[p];
            decayed = new double[p];
        }
        double[] gt = decoupled ? g : Vec.decayed(g, lambda, theta, decayed);
        int t = k + 1;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < p; i++) {
            mNext[i] = beta1 * m[i] + (1 - beta1) * gt[i];
            vNext[i] = beta2 * v[i] + (1 - beta2) * (gt[i] * gt[i]);
            double d = (mNext[i] / bc1) / (Math.sqrt(vNext[i]) / bc2Sqrt + eps);
            direction[i] = decoupled ? d + lambda * theta[i] : d;
        }
    }

    @Override
    public void point(double eta, double[] out) {
        Vec.affine(theta, eta, direction, out);
    }

    @Override
    public void commit(double eta, TraceSink trace) {
        trace.scalar("directionNormSq", Vec.dot(direction, direction));
        double[] s = m;
        m = mNext;
        mNext = s;
        s = v;
        v = vNext;
        vNext = s;
        k++;
    }

    private record State(double[] m, double[] v, int k) {
    }

    @Override
    public Object saveState() {
        return new State(Vec.copy(m), Vec.copy(v), k);
    }

    @Override
    public void restoreState(Object state) {
        State s = (State) state;
        m = Vec.copy(s.m());
        v = Vec.copy(s.v());
        k = s.k();
    }
}
