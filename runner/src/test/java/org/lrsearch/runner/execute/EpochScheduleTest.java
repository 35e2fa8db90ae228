package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Model;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.runner.plan.TrainingSettings;

/**
 * {@code training.evalEvery: epoch} follows the book's loop: {@code iter_per_epoch = max(n / b, 1)}
 * (a float in Python 3), an evaluation after iteration i's update when {@code i % iter_per_epoch == 0}.
 */
class EpochScheduleTest {
    /** The book's rule as Python 3 computes it, in doubles, for comparison. */
    static boolean python(int i, int n, int b) {
        double perEpoch = Math.max((double) n / b, 1);
        return i % perEpoch == 0;
    }

    static List<Integer> evaluatedIterations(int n, int b, int iterations) {
        return IntStream.range(0, iterations).filter(i -> TrainingSettings.evaluatesAfter(i, n, b)).boxed().toList();
    }

    @Test
    void aBatchSizeThatDividesTheSetEvaluatesEveryNOverBIterations() {
        assertThat(evaluatedIterations(10, 2, 16)).containsExactly(0, 5, 10, 15);
        assertThat(evaluatedIterations(50, 5, 25)).containsExactly(0, 10, 20);
    }

    @Test
    void aBatchSizeThatDoesNotDivideTheSetEvaluatesWhereIBOverNIsWhole() {
        // n = 10, b = 4: iter_per_epoch = 2.5, so i = 0, 5, 10, ... (i = 2.5 is no iteration).
        assertThat(evaluatedIterations(10, 4, 16)).containsExactly(0, 5, 10, 15);
        // n = 10, b = 8: 1.25, so every 5th iteration too; n = 50, b = 8: 6.25, every 25th.
        assertThat(evaluatedIterations(10, 8, 11)).containsExactly(0, 5, 10);
        assertThat(evaluatedIterations(50, 8, 80)).containsExactly(0, 25, 50, 75);
        assertThat(evaluatedIterations(30, 4, 31)).containsExactly(0, 15, 30);
    }

    @Test
    void aBatchAsLargeAsTheSetEvaluatesEveryIteration() {
        assertThat(evaluatedIterations(10, 16, 4)).containsExactly(0, 1, 2, 3);
        assertThat(evaluatedIterations(8, 8, 3)).containsExactly(0, 1, 2);
    }

    /**
     * Where n / b is exact in binary (the paper's batch sizes are powers of two) Python's float rule
     * and the integer rule agree; elsewhere the float quotient's rounding makes Python skip epochs
     * (n = 10, b = 3: {@code 10 % 3.3333333333333335} is not 0), which the integer rule does not.
     */
    @Test
    void theIntegerRuleAgreesWithPythonsFloatRuleWhereTheQuotientIsExact() {
        assertThat(python(10, 10, 3)).isFalse();
        assertThat(TrainingSettings.evaluatesAfter(10, 10, 3)).isTrue();
        for (int k = 1; k <= 5; k++) {
            for (int b : new int[] {1, 2, 4, 8, 16, 64}) {
                int n = 10 * k;
                for (int i = 0; i < 10_000; i++) {
                    assertThat(TrainingSettings.evaluatesAfter(i, n, b)).as("i=%d n=%d b=%d", i, n, b).isEqualTo(python(i, n, b));
                }
            }
        }
    }

    @Test
    void aPerEpochCurveRecordsEpochsTrainingAccuracyAndTheFinalPoint() {
        Model model = mock(Model.class);
        when(model.trainLoss()).thenReturn(2.3);
        when(model.gradient(org.mockito.ArgumentMatchers.any())).thenReturn(2.0);
        when(model.isFinite()).thenReturn(true);
        when(model.testAccuracy()).thenReturn(0.5);
        when(model.trainAccuracy()).thenReturn(0.75);
        // n = 10, b = 4, 12 iterations: points after i = 0, 5, 10 (epochs 0, 2, 4) and the final one.
        RunSpec spec = new RunSpec("r", "d", "m", 4, 1, "first", "s", "p", 0, 12, RunSpec.EVERY_EPOCH, Map.of(), List.of());
        RunResult r = new Trainer(spec, model, ctx -> ctx.commit(0.1), 10, it -> new int[] {0, 1, 2, 3}, 4.0, null,
                () -> false).run();
        List<String> points = new ArrayList<>();
        for (CurvePoint p : r.curve()) {
            points.add(p.iteration() + "@" + p.epoch() + ":" + p.testAccuracy() + "/" + p.trainAccuracy());
        }
        assertThat(points).containsExactly("1@0.0:0.5/0.75", "6@2.0:0.5/0.75", "11@4.0:0.5/0.75", "12@4.4:0.5/0.75");
        // The model is told beforehand how many evaluations there will be.
        assertThat(Trainer.evaluations(spec, 10)).isEqualTo(4);
        org.mockito.Mockito.verify(model, org.mockito.Mockito.times(4)).testAccuracy();
    }

    @Test
    void numericSchedulesCountTheirPointsAndTheFinalEvaluation() {
        RunSpec every5 = new RunSpec("r", "d", "m", 2, 1, "first", "s", "p", 0, 12, 5, Map.of(), List.of());
        assertThat(Trainer.evaluations(every5, 10)).isEqualTo(3);
        RunSpec every4 = new RunSpec("r", "d", "m", 2, 1, "first", "s", "p", 0, 12, 4, Map.of(), List.of());
        assertThat(Trainer.evaluations(every4, 10)).isEqualTo(3);
    }

    /** 100 iterations at batch 2, evaluated as {@code evalEvery} says (null: left out). */
    static TrainingSettings settings(Object evalEvery) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("iterations", 100, "batchSize", 2));
        o.put("evalEvery", evalEvery);
        return org.lrsearch.api.OptionDefaults.create(TrainingSettings.class, o);
    }

    @Test
    void evalEveryIsAWholeNumberOrEpoch() {
        assertThat(settings("epoch").perEpoch()).isTrue();
        assertThat(settings("epoch").interval()).isEqualTo(RunSpec.EVERY_EPOCH);
        assertThat(settings(20).interval()).isEqualTo(20);
        assertThat(settings(null).interval()).isEqualTo(100);
        for (Object bad : new Object[] {"epochs", 0, -5, 2.5, "10"}) {
            assertThatThrownBy(() -> settings(bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("must be a whole number between 1 and 2147483647, or epoch");
        }
    }
}
