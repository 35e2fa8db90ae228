package org.lrsearch.optimizers;

import org.lrsearch.api.Optimizer;
import org.lrsearch.api.TraceSink;

/**
 * Prodigy's step in the reference's order (docs: OPTIMIZERS.md, "prodigy"). m′ and v′ use the old d
 * and do not depend on η; the numerator N′, the sum s′ and with them the new estimate d′, which enters
 * the ε term, do: each trial point computes them for its own η, as the reference's {@code step()} with
 * {@code lr = η} would (one O(P) pass for ‖s′‖₁).
 */
final class Prodigy implements Optimizer {
    private final ProdigyPlugin.Options o;
    private final double beta3;
    private double d;
    private double dMax;
    private double numerator;
    private int k;
    private double[] m;
    private double[] v;
    private double[] s;
    private double[] theta0;

    // This iteration's map.
    private double[] theta;
    private double[] gt;
    private double[] decayed;
    private double[] mNext;
    private double[] vNext;
    private double[] root;
    private double bc;
    private double dot;
    /** What {@link #point} computed for {@link #etaOf}: s′ and the scalars a commit of that η keeps. */
    private double[] sNext;
    private double etaOf = Double.NaN;
    private double numeratorNext;
    private double sL1;
    private double dHat;
    private double dNext;
    private double dMaxNext;

    Prodigy(ProdigyPlugin.Options o) {
        this.o = o;
        this.beta3 = o.beta3() != null ? o.beta3() : Math.sqrt(o.beta2());
        this.d = o.d0();
        this.dMax = o.d0();
    }

    @Override
    public void form(double[] theta, double[] g) {
        this.theta = theta;
        int p = g.length;
        if (m == null) {
            m = new double[p];
            v = new double[p];
            s = new double[p];
            decayed = new double[p];
            mNext = new double[p];
            vNext = new double[p];
            root = new double[p];
            sNext = new double[p];
        }
        double lambda = o.weightDecay();
        gt = lambda != 0 && !o.decouple() ? Vec.decayed(g, lambda, theta, decayed) : g;
        bc = o.useBiasCorrection() ? Math.sqrt(1 - Math.pow(o.beta2(), k + 1)) / (1 - Math.pow(o.beta1(), k + 1)) : 1;
        dot = 0;
        double a1 = d * (1 - o.beta1()), a2 = d * d * (1 - o.beta2());
        for (int i = 0; i < p; i++) {
            if (theta0 != null) {
                dot += gt[i] * (theta0[i] - theta[i]);
            }
            mNext[i] = m[i] * o.beta1() + a1 * gt[i];
            vNext[i] = v[i] * o.beta2() + a2 * (gt[i] * gt[i]);
            root[i] = Math.sqrt(vNext[i]);
        }
        etaOf = Double.NaN;
    }

    /** s′, N′, ‖s′‖₁ and the new estimates for η (the reference's steps 3, 5–8). */
    private void estimate(double eta) {
        if (eta == etaOf) {
            return;
        }
        etaOf = eta;
        double dlr = d * eta * bc;
        double sAlpha = (d / o.d0()) * (o.safeguardWarmup() ? d : dlr);
        numeratorNext = numerator * beta3 + (d / o.d0()) * dlr * dot;
        sL1 = 0;
        for (int i = 0; i < sNext.length; i++) {
            sNext[i] = s[i] * beta3 + sAlpha * gt[i];
            sL1 += Math.abs(sNext[i]);
        }
        dHat = d;
        dNext = d;
        dMaxNext = dMax;
        if (sL1 != 0 && eta > 0) {
            dHat = o.dCoef() * numeratorNext / sL1;
            double dA = d == o.d0() ? Math.max(d, dHat) : d;
            dMaxNext = Math.max(dMax, dHat);
            dNext = Math.min(dMaxNext, dA * o.growthRate());
        }
    }

    @Override
    public void point(double eta, double[] out) {
        estimate(eta);
        if (sL1 == 0 || eta == 0) {
            System.arraycopy(theta, 0, out, 0, out.length);
            return;
        }
        double dlr = d * eta * bc;
        double shrink = o.weightDecay() != 0 && o.decouple() ? -o.weightDecay() * dlr : 0;
        double epsD = dNext * o.eps();
        for (int i = 0; i < out.length; i++) {
            double x = shrink == 0 ? theta[i] : theta[i] + shrink * theta[i];
            out[i] = x - dlr * (mNext[i] / (root[i] + epsD));
        }
    }

    @Override
    public void commit(double eta, TraceSink trace) {
        estimate(eta);
        trace.scalar("d", d);
        trace.scalar("dHat", dHat);
        trace.scalar("dNext", dNext);
        trace.scalar("dNumerator", numeratorNext);
        trace.scalar("sL1", sL1);
        if (theta0 == null) {
            theta0 = theta.clone();
        }
        if (eta == 0) {
            // The reference skips the moment and s updates at lr 0 and returns before d changes.
            return;
        }
        double[] t = m;
        m = mNext;
        mNext = t;
        t = v;
        v = vNext;
        vNext = t;
        t = s;
        s = sNext;
        sNext = t;
        etaOf = Double.NaN;
        if (sL1 != 0) {
            numerator = numeratorNext;
            d = dNext;
            dMax = dMaxNext;
            k++;
        }
    }

    private record State(double d, double dMax, double numerator, int k, double[] m, double[] v, double[] s,
                         double[] theta0) {
    }

    @Override
    public Object saveState() {
        return new State(d, dMax, numerator, k, Vec.copy(m), Vec.copy(v), Vec.copy(s), Vec.copy(theta0));
    }

    @Override
    public void restoreState(Object state) {
        State st = (State) state;
        d = st.d();
        dMax = st.dMax();
        numerator = st.numerator();
        k = st.k();
        m = Vec.copy(st.m());
        v = Vec.copy(st.v());
        s = Vec.copy(st.s());
        theta0 = Vec.copy(st.theta0());
    }
}
