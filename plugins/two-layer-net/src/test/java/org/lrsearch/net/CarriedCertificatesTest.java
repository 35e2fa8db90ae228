package org.lrsearch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lrsearch.net.CertifiedEvaluationTest.directPredictions;
import static org.lrsearch.net.CertifiedEvaluationTest.task;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.FewShotTask;

/**
 * Predictions carried from one evaluation to the next are the direct evaluation's, at every evaluation
 * of a training run: through slow training (where most images carry), bursts of large steps (where
 * few do) and a replaced θ (where none may).
 */
class CarriedCertificatesTest {
    /** Totals over a run's evaluations. */
    private record Tally(int evaluations, long carried, long partial, long changed, long images) {
    }

    /**
     * Trains with minibatches of two, evaluating every {@code every} steps; a step's rate is 2.0 in
     * every tenth stretch between evaluations (a burst) and {@code rate} otherwise. Checks each
     * evaluation's predictions against a direct pass.
     */
    private static Tally trainAndCheck(TwoLayerNet net, FewShotTask task, double rate, int evaluations, int every, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = task.train().count(), images = task.test().count();
        long carried = 0, partial = 0, changed = 0;
        int[] before = null;
        for (int e = 0; e < evaluations; e++) {
            double step = e % 10 == 9 ? 2.0 : rate;
            for (int it = 0; it < every; it++) {
                net.gradient(new int[] {r.nextInt(n), r.nextInt(n)});
                net.commit(step);
            }
            double accuracy = net.testAccuracy();
            int[] direct = directPredictions(net, task);
            assertThat(net.incremental().predictions).as("evaluation %d", e).isEqualTo(direct);
            int correct = 0;
            for (int i = 0; i < images; i++) {
                correct += direct[i] == task.test().labels()[i] ? 1 : 0;
                changed += before != null && before[i] != direct[i] ? 1 : 0;
            }
            assertThat(accuracy).isEqualTo((double) correct / images);
            int c = images - net.incremental().selectedLast;
            carried += c;
            partial += c > 0 && c < images ? 1 : 0;
            before = direct;
        }
        return new Tally(evaluations, carried, partial, changed, (long) evaluations * images);
    }

    /** A net with the incremental evaluator, told it will evaluate often (so it keeps certificates). */
    private static TwoLayerNet evaluatingOften(FewShotTask task, int hidden, double initStd, long seed) {
        TwoLayerNet net = new TwoLayerNet(task, hidden, initStd, new JvmEvaluator(), true);
        net.expectEvaluations(1000);
        net.initialize(seed);
        return net;
    }

    @Test
    void predictionsCarriedOverAreTheDirectEvaluationsAtEveryEvaluation() {
        FewShotTask task = task(30, 1500, 41);
        TwoLayerNet net = evaluatingOften(task, 20, 0.1, 2);
        Tally t = trainAndCheck(net, task, 0.05, 120, 15, 9);
        // The test has teeth: predictions do change between evaluations, so a bound too small would
        // carry a stale one and fail above; and the certificates do carry, often in part.
        assertThat(t.changed()).as("%s", t).isGreaterThan(100);
        assertThat(t.carried()).as("%s", t).isGreaterThan(t.images() / 4);
        assertThat(t.partial()).as("%s", t).isGreaterThan(10);
    }

    /**
     * The premise itself, image by image: between an image's last computation and each later evaluation,
     * every direct logit moves by at most C plus the two evaluations' B (the direct logits' distance from
     * the exact ones). Made smaller than the true movement, C fails here; the largest ratio is reported.
     */
    @Test
    void everyDirectLogitMovesByNoMoreThanTheStatedBound() {
        FewShotTask task = task(20, 600, 47);
        TwoLayerNet net = evaluatingOften(task, 20, 0.1, 5);
        int images = task.test().count(), out = 10;
        double[][] cNow = new double[images][2];
        double[] refLogits = new double[images * out], refB = new double[images];
        double worst = 0;
        SplittableRandom r = new SplittableRandom(8);
        CarriedCertificates.witness = (image, c, b) -> {
            cNow[image][0] = c;
            cNow[image][1] = b;
        };
        try {
            for (int e = 0; e < 60; e++) {
                for (int it = 0; it < 10; it++) {
                    net.gradient(new int[] {r.nextInt(20), r.nextInt(20)});
                    net.commit(e % 10 == 9 ? 1.0 : 0.05);
                }
                net.testAccuracy();
                double[] direct = new JvmEvaluator().logits(net.layout(), net.parameters(), task.test());
                IncrementalTestEvaluator ev = net.incremental();
                boolean[] computed = new boolean[images];
                for (int p = 0; p < ev.selectedLast; p++) {
                    computed[ev.selectedLast == images ? p : ev.carried.needed[p]] = true;
                }
                for (int i = 0; i < images; i++) {
                    if (e > 0) {
                        for (int k = 0; k < out; k++) {
                            double moved = Math.abs(direct[i * out + k] - refLogits[i * out + k]);
                            worst = Math.max(worst, moved / (cNow[i][0] + cNow[i][1] + refB[i]));
                        }
                    }
                    if (computed[i]) {
                        System.arraycopy(direct, i * out, refLogits, i * out, out);
                        refB[i] = cNow[i][1];
                    }
                }
            }
        } finally {
            CarriedCertificates.witness = null;
        }
        assertThat(worst).as("largest |direct logit moved| / (C + B + B at the last computation)").isLessThanOrEqualTo(1.0)
                .isGreaterThan(0.01);
    }

    @Test
    void onRandomRunsEveryCarriedPredictionIsTheDirectEvaluations() {
        SplittableRandom r = new SplittableRandom(17);
        for (int run = 0; run < 8; run++) {
            int hidden = 2 + r.nextInt(40), n = 10 * (1 + r.nextInt(5));
            FewShotTask task = task(n, 300 + r.nextInt(500), 500 + run);
            TwoLayerNet net = evaluatingOften(task, hidden, new double[] {0.01, 0.1, 0.5, 2}[run % 4], run);
            trainAndCheck(net, task, r.nextDouble(0.01, 0.3), 40, 1 + r.nextInt(n / 2), run);
        }
    }

    @Test
    void aReplacedThetaCarriesNothingOver() {
        FewShotTask task = task(20, 800, 43);
        TwoLayerNet net = evaluatingOften(task, 20, 0.1, 1);
        trainAndCheck(net, task, 0.02, 28, 10, 3);
        assertThat(net.incremental().selectedLast).isLessThan(task.test().count());
        // The same tensors with the classes' output weights rotated: every prediction moves.
        var tensors = net.tensors();
        double[] w2 = tensors.get("W2"), b2 = tensors.get("b2");
        double[] w2r = w2.clone(), b2r = b2.clone();
        for (int k = 0; k < 10; k++) {
            b2r[(k + 1) % 10] = b2[k];
            for (int j = 0; j < 20; j++) {
                w2r[j * 10 + (k + 1) % 10] = w2[j * 10 + k];
            }
        }
        tensors.put("W2", w2r);
        tensors.put("b2", b2r);
        net.setTensors(tensors);
        net.testAccuracy();
        assertThat(net.incremental().selectedLast).isEqualTo(task.test().count());
        assertThat(net.incremental().predictions).isEqualTo(directPredictions(net, task));
        assertThat(Arrays.stream(net.incremental().predictions).distinct().count()).isGreaterThan(1);
    }
}
