package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.testkit.ScriptedStepContext;

/** The schedules' rates, alone and under a bound, counted from the iteration they first step. */
class SchedulesTest {
    final ScriptedStepContext ctx = new ScriptedStepContext().totalIterations(10);

    double[] rates(LrStrategy s, int from, int to) {
        double[] r = new double[to - from];
        for (int it = from; it < to; it++) {
            s.step(ctx.next(it, 2.0));
            r[it - from] = ctx.committed();
        }
        return r;
    }

    @Test
    void cosineFallsFromBaseToMinLrOverTheRemainingIterations() {
        LrStrategy s = new SchedulePlugins.Cosine().create(new SchedulePlugins.Cosine.Options(0.1, 0.0), null);
        double[] r = rates(s, 0, 10);
        assertThat(r[0]).isEqualTo(0.1);
        assertThat(r[5]).isCloseTo(0.05, within(1e-15));
        assertThat(r[9]).isCloseTo(0.1 * (1 + Math.cos(Math.PI * 9 / 10)) / 2, within(1e-15));
    }

    @Test
    void underABoundTheScheduleStartsFromDeltaAndCountsFromItsFirstStep() {
        BoundedStrategy s = (BoundedStrategy) new SchedulePlugins.Cosine().create(new SchedulePlugins.Cosine.Options(0.1, 0.0), null);
        s.acceptBound(0.02);
        // First step at iteration 6 of 10: U = 4 steps, u = 0..3.
        double[] r = rates(s, 6, 10);
        assertThat(r[0]).isEqualTo(0.02);
        assertThat(r[2]).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void stepHalvesEveryEveryStepsAndExponentialMultipliesEachStep() {
        LrStrategy step = new SchedulePlugins.Step().create(new SchedulePlugins.Step.Options(0.4, 0.5, 3), null);
        assertThat(rates(step, 0, 7)).containsExactly(0.4, 0.4, 0.4, 0.2, 0.2, 0.2, 0.1);
        LrStrategy exp = new SchedulePlugins.Exponential().create(new SchedulePlugins.Exponential.Options(1.0, 0.5), null);
        assertThat(rates(exp, 0, 4)).containsExactly(1.0, 0.5, 0.25, 0.125);
    }

    @Test
    void warmupRampsThenHandsTheBaseToItsSuccessor() {
        LrStrategy s = new WarmupPlugin().create(new WarmupPlugin.Options(0.4, 4, Map.of("plugin", "fixed")),
                (key, spec) -> new FixedPlugin().create(OptionDefaults.create(FixedOptions.class), null));
        assertThat(rates(s, 0, 6)).containsExactly(0.1, 0.2, 0.30000000000000004, 0.4, 0.4, 0.4);
    }
}
