package org.lrsearch.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Samples;
import org.lrsearch.testkit.SyntheticData;

/** The CNN's gradient against finite differences, its shapes, its pooling rule and its products. */
class CnnTest {
    /** MNIST-like 28×28 images with their shape, as the image datasets give them. */
    static Samples images(int n, long seed) {
        Samples s = SyntheticData.mnistLike(n, seed);
        return new Samples(s.count(), s.features(), s.values(), s.labels(), new int[] {1, 28, 28});
    }

    static final FewShotTask TASK = new FewShotTask("synthetic", images(20, 1), images(120, 2), 10, new int[20]);

    static CnnOptions options(String conv, String dense, String activation) {
        return options(conv, dense, activation, "auto");
    }

    static CnnOptions options(String conv, String dense, String activation, String backend) {
        List<Map<String, Integer>> layers = new ArrayList<>();
        for (String l : conv.isBlank() ? new String[0] : conv.split(" ")) {
            String[] fk = l.split("@");
            layers.add(Map.of("filters", Integer.parseInt(fk[0]), "kernel", Integer.parseInt(fk[1])));
        }
        List<Integer> widths = dense.isBlank() ? List.of()
                : java.util.Arrays.stream(dense.split(" ")).map(Integer::valueOf).toList();
        return OptionDefaults.create(CnnOptions.class, Map.of("conv", layers, "dense", widths, "activation", activation,
                "backend", backend));
    }

    static Cnn net(String conv, String dense, String activation, String backend) {
        Cnn m = new Cnn(TASK, options(conv, dense, activation, backend));
        m.initialize(3);
        // Biases away from 0, so that no unit sits exactly at relu's kink and no gradient is 0 by symmetry;
        // a small output layer keeps every class probability near 0.1, far above the loss's 1e-7 guard,
        // which the analytic gradient leaves out (docs/CNN.md).
        LinkedHashMap<String, double[]> t = m.tensors();
        SplittableRandom rng = new SplittableRandom(9);
        t.forEach((name, v) -> {
            for (int i = 0; i < v.length; i++) {
                if (name.endsWith(".b")) {
                    v[i] = 0.1 * rng.nextDouble();
                } else if (name.equals("out.W")) {
                    v[i] *= 0.05;
                }
            }
        });
        m.setTensors(t);
        return m;
    }

    @ParameterizedTest(name = "conv {0}, dense [{1}], {2}")
    @CsvSource({"'6@5 16@5', '84', relu", "'6@5 16@5', '84', tanh", "'6@5 16@5', '84', sigmoid",
            "'4@5', '', relu", "'4@5', '', tanh", "'4@5', '', sigmoid", "'3@3 5@4', '12 7', tanh", "'', '16', sigmoid"})
    void gradientMatchesFiniteDifferences(String conv, String dense, String activation) {
        Cnn m = net(conv, dense, activation, "auto");
        int[] batch = {0, 3, 7};
        m.gradient(batch);
        double[] g = new double[m.parameterCount()];
        m.copyGradient(g);
        double[] theta = new double[g.length];
        m.copyParameters(theta);
        SplittableRandom rng = new SplittableRandom(5);
        int checked = 0;
        // Every tensor gets its share of the checks: a layer whose gradient were wrong could not hide.
        int[] perTensor = new int[m.tensors().size()];
        List<Integer> offsets = new ArrayList<>();
        int off = 0;
        for (double[] t : m.tensors().values()) {
            offsets.add(off);
            off += t.length;
        }
        offsets.add(off);
        for (int t = 0; t < perTensor.length; t++) {
            for (int tries = 0; tries < 200 && perTensor[t] < 6; tries++) {
                int i = offsets.get(t) + rng.nextInt(offsets.get(t + 1) - offsets.get(t));
                if (g[i] == 0) {
                    continue;
                }
                double eps = 1e-6;
                double[] up = theta.clone(), down = theta.clone();
                up[i] += eps;
                down[i] -= eps;
                double fd = (m.lossAt(up, LossScope.MINIBATCH) - m.lossAt(down, LossScope.MINIBATCH)) / (2 * eps);
                // The analytic gradient ignores the 1e-7 guard inside the log, as docs/CNN.md says.
                assertThat(fd).as("dL/dθ[%d] (tensor %d)", i, t).isCloseTo(g[i], within(1e-5 * Math.abs(g[i]) + 1e-8));
                perTensor[t]++;
                checked++;
            }
            assertThat(perTensor[t]).as("checked components of tensor %d", t).isEqualTo(6);
        }
        assertThat(checked).isEqualTo(6 * perTensor.length);
    }

    /**
     * Passes that only evaluate run another layout (wide im2col rows, pooling before the bias and the
     * activation): they must give the gradient pass's loss to the last bit, for every activation and for
     * kernels whose rows read past the map's edge by different amounts.
     */
    @ParameterizedTest(name = "conv {0}, {1}")
    @CsvSource({"'6@5 16@5', relu", "'6@5 16@5', tanh", "'3@3 5@4', sigmoid", "'4@1', relu"})
    void anEvaluationOnlyPassGivesTheGradientPassesLossExactly(String conv, String activation) {
        Cnn m = net(conv, "12", activation, "auto");
        int[] batch = {0, 3, 7, 2};
        double loss = m.gradient(batch);
        double[] theta = new double[m.parameterCount()];
        m.copyParameters(theta);
        assertThat(m.lossAt(theta, LossScope.MINIBATCH)).isEqualTo(loss);
    }

    @Test
    void theDefaultNetworkIsLeNetStyleWithItsParameterCount() {
        Cnn m = new Cnn(TASK, OptionDefaults.create(CnnOptions.class, Map.of()));
        assertThat(m.parameterCount()).isEqualTo(25_010);
        assertThat(m.tensors().keySet()).containsExactly("conv1.W", "conv1.b", "conv2.W", "conv2.b", "dense1.W",
                "dense1.b", "out.W", "out.b");
    }

    @Test
    void heInitialisationDrawsEachLayerAtItsFanIn() {
        Cnn m = new Cnn(TASK, OptionDefaults.create(CnnOptions.class, Map.of()));
        m.initialize(11);
        Map<String, double[]> t = m.tensors();
        assertThat(std(t.get("conv1.W"))).isCloseTo(Math.sqrt(2.0 / 25), within(0.03));
        assertThat(std(t.get("conv2.W"))).isCloseTo(Math.sqrt(2.0 / 150), within(0.01));
        assertThat(std(t.get("dense1.W"))).isCloseTo(Math.sqrt(2.0 / 256), within(0.005));
        assertThat(std(t.get("out.W"))).isCloseTo(Math.sqrt(1.0 / 84), within(0.01));
        assertThat(t.get("conv2.b")).containsOnly(0.0);
    }

    private static double std(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }

    @Test
    void aLayerThatShrinksTheMapBelowOnePixelIsRefusedNamingTheLayerAndSizes() {
        assertThatThrownBy(() -> new CnnPlugin().create(options("6@5 16@5 8@4", "", "relu"), TASK))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("conv3").hasMessageContaining("4×4 kernel on a 4×4 feature map leaves 1×1")
                .satisfies(e -> assertThat(((InvalidOptionException) e).key()).isEqualTo("conv"));
        assertThatThrownBy(() -> new CnnPlugin().create(options("6@5 16@5 8@5", "", "relu"), TASK))
                .hasMessageContaining("conv3").hasMessageContaining("leaves 0×0");
        // 3×3 on 4×4 leaves 2×2, which pools to 1×1: allowed.
        assertThat(new CnnPlugin().create(options("6@5 16@5 8@3", "", "relu"), TASK).parameterCount()).isPositive();
        Samples flat = SyntheticData.mnistLike(4, 1);
        assertThatThrownBy(() -> new CnnPlugin().create(options("6@5", "", "relu"),
                new FewShotTask("flat", flat, flat, 10, new int[4])))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("no image shape");
    }

    @Test
    void aPoolingWindowSendsItsGradientToItsFirstMaximum() {
        // One 2×2 filter [[1, -1], [0, 0]] on a 3×3 image whose two top patches give equal outputs from
        // different pixels; relu keeps them (bias 1). The window's gradient must reach the first one only.
        double[] img = {2, 2, 5, 0, 0, 0, 0, 0, 0};
        Samples s = new Samples(1, 9, img, new int[] {0}, new int[] {1, 3, 3});
        Cnn m = new Cnn(new FewShotTask("tie", s, s, 2, new int[1]), options("1@2", "", "relu"));
        m.setTensors(Map.of("conv1.W", new double[] {1, -1, 0, 0}, "conv1.b", new double[] {1},
                "out.W", new double[] {1, -1}, "out.b", new double[] {0, 0}));
        m.gradient(new int[] {0});
        double[] g = new double[m.parameterCount()];
        m.copyGradient(g);
        // Outputs: (2−2)+1 = 1 at (0,0), (2−5)+1 → relu 0 at (0,1), 1 at (1,0) and (1,1): first maximum (0,0),
        // whose patch is [2, 2; 0, 0], so ∂L/∂W = δ·[2, 2, 0, 0] (the last maximum's patch is all zero).
        assertThat(g[0]).isNotZero().isEqualTo(g[1]);
        assertThat(g[2]).isZero();
        assertThat(g[3]).isZero();
    }

    @Test
    void poolingValuesAloneAreThoseOfPoolingWithPositionsTiesAndZerosIncluded() {
        // 3 maps of 6×6 (a 5×5 kernel over 10×10, pooled to 3×3), with ties and ±0 at every window position.
        // (A NaN differs: values' Math.max spreads it, the first-maximum rule keeps it only where it comes first;
        // either way the run's loss is NaN and it stops as diverged.)
        CnnLayout.Conv c = new CnnLayout.Conv(1, 3, 5, 10, 10, 6, 6, 3, 3, 0, 0);
        java.util.Random r = new java.util.Random(3);
        double[] special = {0.0, -0.0, 1.0, 1.0, -1.0};
        for (int trial = 0; trial < 200; trial++) {
            double[] h = new double[3 * 36];
            for (int i = 0; i < h.length; i++) {
                h[i] = r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian();
            }
            double[] values = new double[27], withPositions = new double[27];
            Pooling.values(h, values, 3, c, 6);
            Pooling.withPositions(h, withPositions, new int[27], 3, c, 6);
            for (int i = 0; i < 27; i++) {
                // The same value (−0 and +0 compare equal; adding the bias next makes them one number unless the bias is −0).
                assertThat(values[i] == withPositions[i]).as("window %d of trial %d: %s vs %s", i, trial, values[i],
                        withPositions[i]).isTrue();
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"auto", "nd4j"})
    void nativeProductsGiveThePlainLoopsNumbers(String backend) {
        Cnn native_ = net("6@5 16@5", "84", "relu", backend);
        Cnn plain = net("6@5 16@5", "84", "relu", "jvm");
        int[] batch = {1, 2, 5, 8};
        assertThat(native_.gradient(batch)).isCloseTo(plain.gradient(batch), within(1e-13));
        double[] a = new double[native_.parameterCount()], b = new double[a.length];
        native_.copyGradient(a);
        plain.copyGradient(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("g[%d]", i).isCloseTo(b[i], within(1e-12 * Math.abs(b[i]) + 1e-15));
        }
        assertThat(native_.testAccuracy()).isEqualTo(plain.testAccuracy());
        assertThat(native_.trainLoss()).isCloseTo(plain.trainLoss(), within(1e-13));
    }
}
