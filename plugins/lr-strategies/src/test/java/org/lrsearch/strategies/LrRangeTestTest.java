package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.testkit.ScriptedStepContext;

/** The range test's phases through a scripted context: exploration marked, θ restored, δ handed on. */
class LrRangeTestTest {

    @Test
    void suggestionRulesPickTheDocumentedPoints() {
        List<Double> s = List.of(3.0, 2.9, 2.5, 2.0, 1.2, 1.0, 1.1, 2.0, 4.0);
        List<Double> eta = List.of(1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1000.0, 10000.0);
        assertThat(LrRangeTest.argmin(s)).isEqualTo(5);
        assertThat(LrRangeTest.steepest(s, eta)).isEqualTo(3);
        // Longest decreasing run 0..5 (length 6): start = 5 − 6 = −1, third = 2, index = −1 + 2 + 1 = 2.
        assertThat(LrRangeTest.valley(s)).isEqualTo(2);
    }

    @Test
    void exploresThenRestoresAndHandsTheSuggestionToItsSuccessor() {
        BoundedStrategy then = (BoundedStrategy) new FixedPlugin().create(OptionDefaults.create(FixedOptions.class), null);
        LrRangeTestPlugin.Options o = new LrRangeTestPlugin.Options(0.01, 1.0, 3, 0.0, 4.0, 0, 0, "minimum", true,
                Map.of("plugin", "fixed"));
        LrRangeTest test = new LrRangeTest(o, then);
        ScriptedStepContext ctx = new ScriptedStepContext().parameters(1.0, 2.0).gradient(0.5, 0.5);
        double[] losses = {2.0, 1.0, 1.5};
        for (int it = 0; it < 3; it++) {
            test.step(ctx.next(it, losses[it]));
            assertThat(ctx.isExploring()).isEqualTo(it < 2);
        }
        assertThat(ctx.commits()).containsExactly(0.01, 0.1, 1.0);
        assertThat(ctx.parameters()).containsExactly(1.0, 2.0);
        assertThat(test.bound()).hasValue(0.1 / 10);
        test.step(ctx.next(3, 1.0));
        assertThat(ctx.committed()).isEqualTo(0.01);
        assertThat(ctx.events("rangeTestDone")).singleElement()
                .satisfies(e -> assertThat(e.payload()).containsEntry("suggestionIndex", 1).containsEntry("restored", true));
    }
}
