package org.lrsearch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Samples;
import org.lrsearch.testkit.SyntheticData;

/** The kernel's shortcuts (sparse first layer, trial points through the Gram matrix) against plain arithmetic. */
class TwoLayerNetTest {
    /** Sparse, MNIST-like examples: about a fifth of the pixels non-zero. */
    static Samples samples(int n, long seed) {
        return SyntheticData.mnistLike(n, seed);
    }

    static TwoLayerNet net(int hidden, TestEvaluator evaluator) {
        FewShotTask task = new FewShotTask("t", samples(20, 1), samples(300, 2), 10, new int[20]);
        TwoLayerNet net = new TwoLayerNet(task, hidden, 0.5, evaluator, false);
        net.initialize(3);
        return net;
    }

    @Test
    void trialLossEqualsLossAfterCommittingTheSameStep() {
        TwoLayerNet net = net(20, new JvmEvaluator());
        int[] batch = {3, 7, 7, 12};
        net.gradient(batch);
        double trial = net.trialLoss(0.3, LossScope.MINIBATCH);
        double trialAll = net.trialLoss(0.3, LossScope.TRAIN_SET);
        net.commit(0.3);
        assertThat(net.gradient(batch)).isCloseTo(trial, within(1e-12));
        assertThat(net.trainLoss()).isCloseTo(trialAll, within(1e-12));
    }

    @Test
    void trialGradientEqualsGradientAfterCommittingTheSameStep() {
        TwoLayerNet net = net(50, new JvmEvaluator());
        int[] batch = {0, 5, 19};
        net.gradient(batch);
        double[] trial = new double[net.parameterCount()];
        net.trialGradient(0.7, trial);
        net.commit(0.7);
        net.gradient(batch);
        double[] after = new double[net.parameterCount()];
        net.copyGradient(after);
        for (int i = 0; i < after.length; i++) {
            assertThat(trial[i]).as("component %d", i).isCloseTo(after[i], within(1e-12));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        TwoLayerNet net = net(5, new JvmEvaluator());
        int[] batch = {1, 2};
        net.gradient(batch);
        double[] g = new double[net.parameterCount()];
        net.copyGradient(g);
        java.util.Map<String, double[]> tensors = net.tensors();
        String[] names = {"W1", "b1", "W2", "b2"};
        int[] offsets = {0, 784 * 5, 784 * 5 + 5, 784 * 5 + 5 + 50};
        SplittableRandom r = new SplittableRandom(9);
        int checked = 0;
        for (int t = 0; t < 400 && checked < 40; t++) {
            int i = r.nextInt(net.parameterCount());
            if (g[i] == 0) {
                continue;
            }
            int tensor = 3;
            while (offsets[tensor] > i) {
                tensor--;
            }
            double[] values = tensors.get(names[tensor]);
            int at = i - offsets[tensor];
            double keep = values[at], eps = 1e-6;
            values[at] = keep + eps;
            net.setTensors(tensors);
            double up = net.gradient(batch);
            values[at] = keep - eps;
            net.setTensors(tensors);
            double down = net.gradient(batch);
            values[at] = keep;
            net.setTensors(tensors);
            // The analytic gradient is the usual softmax one, p - onehot, which ignores the 1e-7 guard
            // inside the log (as the NumPy reference does): it differs from the true derivative by a
            // relative 1e-7/p, so the check is relative.
            assertThat((up - down) / (2 * eps)).as("dL/dθ[%d]", i).isCloseTo(g[i], within(1e-5 * Math.abs(g[i]) + 1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(40);
    }

    @Test
    void gradientNormThroughTheGramMatrixEqualsTheDenseSumOfSquares() {
        for (int hidden : new int[] {7, 20}) {
            TwoLayerNet net = net(hidden, new JvmEvaluator());
            net.gradient(new int[] {0, 3, 3, 11});
            double[] g = new double[net.parameterCount()];
            net.copyGradient(g);
            double dense = 0;
            for (double v : g) {
                dense += v * v;
            }
            assertThat(net.gradNormSq()).isCloseTo(dense, within(1e-12 * dense));
        }
    }

    @Test
    void aDenseVectorDottedWithAKeptGradientEqualsTheDenseDot() {
        // ⟨θ_t − θ_{t−1}, g_{t−1}⟩ of a Barzilai–Borwein step: the kept gradient stays low-rank.
        TwoLayerNet net = net(20, new JvmEvaluator());
        double[] before = net.parameters().clone();
        net.gradient(new int[] {3, 7});
        double[] g = new double[net.parameterCount()];
        net.copyGradient(g);
        Object kept = net.gradientCopy();
        net.commit(0.2);
        net.gradient(new int[] {1, 2});
        net.commit(0.1);
        double[] step = net.parameters().clone();
        double dense = 0;
        for (int i = 0; i < step.length; i++) {
            step[i] -= before[i];
            dense += step[i] * g[i];
        }
        assertThat(net.copyDot(kept, step)).isCloseTo(dense, within(1e-12 * Math.abs(dense)));
        assertThat(dense).isNotZero();
    }

    @Test
    void gradientDotThroughTheGramMatrixEqualsTheDenseDotOfTwoMinibatchesGradients() {
        TwoLayerNet net = net(20, new JvmEvaluator());
        net.gradient(new int[] {0, 5});
        double[] first = new double[net.parameterCount()];
        net.copyGradient(first);
        Object kept = net.gradientCopy();
        net.commit(0.3);
        net.gradient(new int[] {5, 9, 12});
        double[] second = new double[net.parameterCount()];
        net.copyGradient(second);
        double dense = 0;
        for (int i = 0; i < first.length; i++) {
            dense += first[i] * second[i];
        }
        assertThat(net.gradientDot(kept)).isCloseTo(dense, within(1e-12 * Math.abs(dense)));
    }

    @Test
    void incrementalTestEvaluationAgreesWithADirectPassWithin1e12() {
        for (int hidden : new int[] {20, 50}) {
            FewShotTask task = new FewShotTask("t", samples(20, 1), samples(300, 2), 10, new int[20]);
            TwoLayerNet net = new TwoLayerNet(task, hidden, 0.01, new JvmEvaluator(), true);
            net.initialize(5);
            SplittableRandom r = new SplittableRandom(6);
            for (int it = 0; it < 300; it++) {
                net.gradient(new int[] {r.nextInt(20), r.nextInt(20), r.nextInt(20)});
                net.commit(it % 2 == 0 ? 0.5 : 0.05);
                if (it % 100 == 99) {
                    double[] incremental = net.testLogits();
                    double[] direct = new JvmEvaluator().logits(net.layout(), net.parameters(), task.test());
                    for (int i = 0; i < direct.length; i++) {
                        assertThat(incremental[i]).as("logit %d at iteration %d", i, it).isCloseTo(direct[i], within(1e-12));
                    }
                    assertThat(net.testAccuracy()).isEqualTo(net.accuracy(task.test()));
                }
            }
        }
    }

    @Test
    void trainingOnTrackedPreActivationsMatchesPlainSgdWithin1e12() {
        // Plain SGD, written out directly, against the kernel's A/Z bookkeeping over many steps.
        FewShotTask task = new FewShotTask("t", samples(20, 1), samples(10, 2), 10, new int[20]);
        TwoLayerNet net = new TwoLayerNet(task, 7, 0.3, new JvmEvaluator(), false);
        net.initialize(8);
        double[] w1 = java.util.Arrays.copyOf(net.parameters(), 784 * 7);
        double[] rest = java.util.Arrays.copyOfRange(net.parameters(), 784 * 7, net.parameterCount());
        SplittableRandom r = new SplittableRandom(2);
        double[] g = new double[net.parameterCount()];
        for (int it = 0; it < 200; it++) {
            int[] batch = {r.nextInt(20), r.nextInt(20)};
            net.gradient(batch);
            net.copyGradient(g);
            net.commit(0.3);
            for (int i = 0; i < w1.length; i++) {
                w1[i] -= 0.3 * g[i];
            }
            for (int i = 0; i < rest.length; i++) {
                rest[i] -= 0.3 * g[w1.length + i];
            }
        }
        double[] theta = net.parameters();
        for (int i = 0; i < w1.length; i++) {
            assertThat(theta[i]).as("W1[%d]", i).isCloseTo(w1[i], within(1e-12));
        }
        for (int i = 0; i < rest.length; i++) {
            assertThat(theta[w1.length + i]).isCloseTo(rest[i], within(1e-12));
        }
        // The tracked pre-activations against X·W1 recomputed from scratch (setTensors restarts).
        for (int i = 0; i < 20; i++) {
            double tracked = net.gradient(new int[] {i});
            net.setTensors(net.tensors());
            assertThat(net.gradient(new int[] {i})).as("loss of example %d", i).isCloseTo(tracked, within(1e-12));
        }
    }

    @Test
    void fourTermAccumulationGivesTheSameBitsAsOneTermAtATime() {
        SplittableRandom r = new SplittableRandom(4);
        for (int terms : new int[] {1, 3, 4, 7, 50}) {
            double[] k = r.doubles(terms, -1, 1).toArray();
            double[] a = r.doubles(terms * 13L, -1, 1).toArray();
            double[] fast = r.doubles(13, -1, 1).toArray();
            double[] plain = fast.clone();
            RowSums.accumulate(fast, 0, k, 0, terms, a, 13);
            for (int t = 0; t < terms; t++) {
                for (int j = 0; j < 13; j++) {
                    plain[j] += k[t] * a[t * 13 + j];
                }
            }
            assertThat(fast).as("%d terms", terms).isEqualTo(plain);
        }
    }

    @Test
    void aStepMovesEveryTrainingPreActivationByTheSameBitsAsSummingItsTermsFirst() {
        // The step adds a batch's last terms in the pass that subtracts from Z: for every batch size
        // (groups of four and the rest), z − η·(Σ_b K[i,b]·dh_b, summed from 0 in batch order).
        Samples train = samples(20, 6);
        SparseRows rows = SparseRows.build(train);
        ParameterLayout l = new ParameterLayout(train.features(), 9, 10);
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 1; n <= 10; n++) {
            LowRankW1 w1 = new LowRankW1(l, rows);
            w1.restart(r.doubles(l.size(), -0.1, 0.1).toArray());
            int[] batch = r.ints(n, 0, 20).toArray();
            double[] dh = r.doubles(n * 9L, -1, 1).toArray();
            double[] plain = w1.z.clone();
            for (int i = 0; i < 20; i++) {
                for (int j = 0; j < 9; j++) {
                    double dz = 0;
                    for (int b = 0; b < n; b++) {
                        dz += rows.dot(i, batch[b]) * dh[b * 9 + j];
                    }
                    plain[i * 9 + j] -= 0.3 * dz;
                }
            }
            w1.step(0.3, batch, n, dh);
            assertThat(w1.z).as("batch of %d", n).isEqualTo(plain);
        }
    }

    @Test
    void sameSeedGivesSameInitialWeights() {
        TwoLayerNet a = net(20, new JvmEvaluator());
        TwoLayerNet b = net(20, new JvmEvaluator());
        assertThat(a.parameters()).isEqualTo(b.parameters());
        b.initialize(4);
        assertThat(a.parameters()).isNotEqualTo(b.parameters());
    }
}
