package org.lrsearch.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.testkit.SyntheticData;

/** The perceptron's gradients against finite differences, for every activation and 1–3 hidden layers. */
class MlpTest {
    static final FewShotTask TASK = SyntheticData.task(20, 50);

    static Mlp net(String layers, String activation, String init) {
        List<Integer> widths = java.util.Arrays.stream(layers.split(" ")).map(Integer::valueOf).toList();
        // Weights of 0.1 keep every class probability far above the loss's 1e-7 guard, which the analytic
        // gradient (p − onehot) leaves out, as the paper's reference does.
        Mlp m = new Mlp(TASK, OptionDefaults.create(MlpOptions.class,
                Map.of("layers", widths, "activation", activation, "initStd", 0.1, "init", init)));
        m.initialize(3);
        return m;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"'20', sigmoid, normal", "'20', tanh, normal", "'20', relu, he", "'8 6', sigmoid, normal",
            "'8 6', tanh, normal", "'9 7 5', relu, normal", "'9 7 5', tanh, normal"})
    void gradientMatchesFiniteDifferences(String layers, String activation, String init) {
        Mlp m = net(layers, activation, init);
        int[] batch = {0, 3, 7};
        m.gradient(batch);
        double[] g = new double[m.parameterCount()];
        m.copyGradient(g);
        Map<String, double[]> base = m.tensors();
        double[] flat = flatten(base);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int checked = 0;
        for (int t = 0; t < 200 && checked < 40; t++) {
            int i = rng.nextInt(flat.length);
            if (g[i] == 0) {
                continue;
            }
            double eps = 1e-6;
            double up = lossAt(m, base, i, eps, batch), down = lossAt(m, base, i, -eps, batch);
            // As for the two-layer net: the analytic gradient ignores the 1e-7 guard inside the log.
            assertThat((up - down) / (2 * eps)).as("dL/dθ[%d]", i).isCloseTo(g[i], within(1e-5 * Math.abs(g[i]) + 1e-8));
            checked++;
        }
        m.setTensors(base);
        assertThat(checked).isEqualTo(40);
    }

    static double lossAt(Mlp m, Map<String, double[]> base, int index, double eps, int[] batch) {
        double[] flat = flatten(base);
        flat[index] += eps;
        m.setTensors(unflatten(flat, base));
        return m.gradient(batch);
    }

    @Test
    void trialLossAtZeroIsTheLossAndCommitMovesAlongTheGradient() {
        Mlp m = net("8 6", "tanh", "normal");
        double loss = m.gradient(new int[] {1, 2});
        assertThat(m.trialLoss(0, LossScope.MINIBATCH)).isCloseTo(loss, within(1e-15));
        double trial = m.trialLoss(0.05, LossScope.MINIBATCH);
        m.commit(0.05);
        assertThat(m.gradient(new int[] {1, 2})).isCloseTo(trial, within(1e-15));
        assertThat(m.trialLoss(0, LossScope.TRAIN_SET)).isCloseTo(m.trainLoss(), within(1e-15));
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> OptionDefaults.create(MlpOptions.class,
                Map.of("layers", List.of()))).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("1 to 16");
        assertThatThrownBy(() -> OptionDefaults.create(MlpOptions.class,
                Map.of("activation", "softplus"))).hasMessageContaining("sigmoid, tanh, relu");
        assertThatThrownBy(() -> OptionDefaults.create(MlpOptions.class,
                Map.of("activation", "sigmoid", "init", "he"))).hasMessageContaining("relu");
        assertThatThrownBy(() -> OptionDefaults.create(MlpOptions.class,
                Map.of("layers", List.of(0)))).hasMessageContaining("between 1");
    }

    static double[] flatten(Map<String, double[]> t) {
        return t.values().stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static Map<String, double[]> unflatten(double[] flat, Map<String, double[]> like) {
        Map<String, double[]> m = new java.util.LinkedHashMap<>();
        int o = 0;
        for (var e : like.entrySet()) {
            m.put(e.getKey(), java.util.Arrays.copyOfRange(flat, o, o + e.getValue().length));
            o += e.getValue().length;
        }
        return m;
    }
}
