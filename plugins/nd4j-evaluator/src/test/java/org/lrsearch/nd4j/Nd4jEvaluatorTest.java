package org.lrsearch.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Samples;
import org.lrsearch.net.DenseEvaluator;

class Nd4jEvaluatorTest {

    @Test
    void isFoundByTheTwoLayerNetUnderItsId() {
        assertThat(ServiceLoader.load(DenseEvaluator.class)).extracting(DenseEvaluator::id).contains("nd4j");
    }

    @Test
    void agreesWithPlainArithmeticWithin1e12() {
        SplittableRandom rng = new SplittableRandom(3);
        int in = 784, out = 10, count = 300;
        double[] x = new double[count * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.2 ? rng.nextDouble() : 0;
        }
        Samples samples = new Samples(count, in, x, new int[count]);
        for (int h : new int[] {20, 50}) {
            double[] theta = new double[in * h + h + h * out + out];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = 0.1 * rng.nextGaussian();
            }
            double[] nd4j = new Nd4jEvaluator().logits(in, h, out, theta, samples);
            double[] plain = plain(in, h, out, theta, samples);
            assertThat(nd4j).hasSameSizeAs(plain);
            for (int i = 0; i < plain.length; i++) {
                assertThat(nd4j[i]).as("logit %d, hidden %d", i, h).isCloseTo(plain[i], within(1e-12));
            }
        }
    }

    @Test
    void matrixProductsAgreeWithPlainLoopsWithin1e12() {
        SplittableRandom rng = new SplittableRandom(9);
        int m = 37, k = 23, n = 11;
        double[] a = new double[m * k], b = new double[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        double[] c = new Nd4jMatrices().multiply(a, m, k, b, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s += a[i * k + t] * b[t * n + j];
                }
                assertThat(c[i * n + j]).isCloseTo(s, within(1e-12));
            }
        }
        assertThat(ServiceLoader.load(org.lrsearch.mlp.MatrixBackend.class)).extracting(org.lrsearch.mlp.MatrixBackend::id)
                .contains("nd4j");
    }

    @Test
    void thePerceptronComputesTheSameThroughNd4jAsThroughPlainLoops() {
        var task = org.lrsearch.testkit.SyntheticData.task(20, 200);
        double[] loss = new double[2];
        double[] accuracy = new double[2];
        String[] backends = {"jvm", "nd4j"};
        for (int i = 0; i < 2; i++) {
            var m = new org.lrsearch.mlp.MlpPlugin().create(OptionDefaults.create(org.lrsearch.mlp.MlpOptions.class,
                    Map.of("layers", java.util.List.of(30, 30), "activation", "tanh", "initStd", 0.1, "backend", backends[i])), task);
            m.initialize(4);
            m.gradient(new int[] {1, 2, 3});
            m.commit(0.5);
            loss[i] = m.trainLoss();
            accuracy[i] = m.testAccuracy();
        }
        assertThat(loss[1]).isCloseTo(loss[0], within(1e-12 * loss[0]));
        assertThat(accuracy[1]).isEqualTo(accuracy[0]);
    }

    /** sigmoid(X·W1 + b1)·W2 + b2 with loops, the definition. */
    static double[] plain(int in, int h, int out, double[] theta, Samples s) {
        int b1 = in * h, w2 = b1 + h, b2 = w2 + h * out;
        double[] logits = new double[s.count() * out];
        for (int r = 0; r < s.count(); r++) {
            double[] hidden = new double[h];
            for (int j = 0; j < h; j++) {
                double z = theta[b1 + j];
                for (int i = 0; i < in; i++) {
                    z += s.values()[r * in + i] * theta[i * h + j];
                }
                hidden[j] = 1 / (1 + Math.exp(-z));
            }
            for (int k = 0; k < out; k++) {
                double z = theta[b2 + k];
                for (int j = 0; j < h; j++) {
                    z += hidden[j] * theta[w2 + j * out + k];
                }
                logits[r * out + k] = z;
            }
        }
        return logits;
    }
}
