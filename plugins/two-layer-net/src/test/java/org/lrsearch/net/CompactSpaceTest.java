package org.lrsearch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.ParameterSpace;

/** The two-layer net's compact coordinates (first layer as coefficients of the k-shot images) against θ's own. */
class CompactSpaceTest {
    /** A compact point near θ, and the same point written densely: W1 = W1(0) + X_trainᵀ·A. */
    private static double[][] point(TwoLayerNet net, ParameterSpace compact, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[compact.size()];
        compact.parameters(c);
        for (int i = 0; i < c.length; i++) {
            c[i] += 0.3 * (r.nextDouble() - 0.5);
        }
        double[] before = new double[net.parameterCount()];
        net.copyParameters(before);
        compact.moveTo(c);
        double[] dense = new double[net.parameterCount()];
        net.copyParameters(dense);
        net.moveTo(before);
        return new double[][] {c, dense};
    }

    @Test
    void lossesAndGradientsAtACompactPointEqualThoseAtTheSamePointWrittenDensely() {
        TwoLayerNet net = TwoLayerNetTest.net(20, new JvmEvaluator());
        ParameterSpace compact = net.compactSpace();
        double[][] p = point(net, compact, 5);
        net.gradient(new int[] {3, 7, 7, 12});
        assertThat(compact.lossAt(p[0], LossScope.MINIBATCH)).isCloseTo(net.lossAt(p[1], LossScope.MINIBATCH), within(1e-12));
        assertThat(compact.lossAt(p[0], LossScope.TRAIN_SET)).isCloseTo(net.lossAt(p[1], LossScope.TRAIN_SET), within(1e-12));
        double[] viaCompact = new double[net.parameterCount()], viaDense = new double[net.parameterCount()];
        compact.gradientAt(p[0], viaCompact);
        net.gradientAt(p[1], viaDense);
        for (int i = 0; i < viaDense.length; i++) {
            assertThat(viaCompact[i]).as("component %d", i).isCloseTo(viaDense[i], within(1e-12));
        }
    }

    @Test
    void theGradientsCoefficientsWriteTheDenseGradientAndDotsAreThoseOfThetasSpace() {
        TwoLayerNet net = TwoLayerNetTest.net(20, new JvmEvaluator());
        ParameterSpace compact = net.compactSpace();
        net.gradient(new int[] {0, 5, 5, 19});
        double[] g = new double[compact.size()];
        compact.gradient(g);
        double[] dense = new double[net.parameterCount()];
        net.copyGradient(dense);
        // θ − 1·g reached in compact coordinates is θ − g written densely.
        double[] theta = new double[net.parameterCount()], c = new double[compact.size()];
        net.copyParameters(theta);
        compact.parameters(c);
        for (int i = 0; i < c.length; i++) {
            c[i] -= g[i];
        }
        compact.moveTo(c);
        double[] moved = new double[net.parameterCount()];
        net.copyParameters(moved);
        for (int i = 0; i < moved.length; i++) {
            assertThat(moved[i]).as("component %d", i).isCloseTo(theta[i] - dense[i], within(1e-12));
        }
        double denseNormSq = 0;
        for (double v : dense) {
            denseNormSq += v * v;
        }
        assertThat(compact.dot(g, g)).isCloseTo(denseNormSq, within(1e-12 * denseNormSq));
    }

    @Test
    void movingToAPointAndBackRestoresEveryNumberAndTheTestAccuracy() {
        TwoLayerNet net = TwoLayerNetTest.net(20, new JvmEvaluator());
        ParameterSpace compact = net.compactSpace();
        double[][] p = point(net, compact, 9);
        double[] start = new double[compact.size()];
        compact.parameters(start);
        double accuracy = net.testAccuracy(), loss = net.trainLoss();
        compact.moveTo(p[0]);
        compact.moveTo(start);
        assertThat(net.testAccuracy()).isEqualTo(accuracy);
        assertThat(net.trainLoss()).isEqualTo(loss);
    }
}
