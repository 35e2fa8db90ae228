package org.lrsearch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.TraceSink;

class OptimizerDriverTest {
    /** Heavy-ball momentum in a few lines: enough to see the driver form, try, commit and restore. */
    private static Optimizer heavyBall(double mu) {
        return new Optimizer() {
            double[] buf;
            double[] theta;
            double[] b;

            @Override public void form(double[] theta, double[] g) {
                this.theta = theta;
                b = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    b[i] = buf == null ? g[i] : mu * buf[i] + g[i];
                }
            }

            @Override public void point(double eta, double[] out) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = theta[i] - eta * b[i];
                }
            }

            @Override public void commit(double eta, TraceSink trace) {
                buf = b;
                trace.scalar("eta", eta);
            }

            @Override public Object saveState() { return buf == null ? null : buf.clone(); }

            @Override public void restoreState(Object state) { buf = state == null ? null : ((double[]) state).clone(); }
        };
    }

    @Test
    void stepsMoveThetaTrialsDoNotAndScalarsAreRecordedPerCommit() {
        OptimizerDriver d = new OptimizerDriver(heavyBall(0.5), new double[] {1, 1});
        assertThat(d.step(new double[] {1, 2}, 0.1)).containsExactly(0.9, 0.8);
        assertThat(d.trial(new double[] {1, 0}, 1.0)).containsExactly(0.9 - 1.5, 0.8 - 1.0);
        assertThat(d.theta()).containsExactly(0.9, 0.8);
        assertThat(d.step(new double[] {1, 0}, 1.0)).containsExactly(0.9 - 1.5, 0.8 - 1.0);
        assertThat(d.scalars("eta")).containsExactly(0.1, 1.0);
        assertThat(d.evaluationPoint()).containsExactly(d.theta());
    }

    @Test
    void runFollowsAGradientFieldAndRestoreReturnsParametersAndState() {
        OptimizerDriver d = new OptimizerDriver(heavyBall(0.0), new double[] {4});
        // f(θ) = θ²/2 has gradient θ: plain gradient descent at 0.5 halves θ each step.
        assertThat(d.run(theta -> theta, 0.5, 3)).containsExactly(0.5);
        Object state = d.saveState();
        double[] at = d.theta();
        d.run(theta -> new double[] {10}, 1.0, 2);
        d.restore(at, state);
        assertThat(d.theta()).containsExactly(0.5);
    }
}
