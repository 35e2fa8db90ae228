package org.lrsearch.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Optimizer;
import org.lrsearch.testkit.OptimizerDriver;

/** The optimizers on scripted gradients, against values worked out by hand from docs/OPTIMIZERS.md. */
class OptimizersTest {
    private static final double[] THETA = {1.0, -2.0};
    private static final double[] G1 = {0.5, -1.0};
    private static final double[] G2 = {0.25, 2.0};

    private static Map<String, Object> opts(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Optimizer momentum(Object... kv) {
        return new MomentumPlugin().create(OptionDefaults.create(MomentumPlugin.Options.class, opts(kv)));
    }

    @Test
    void momentumStartsItsBufferAtTheFirstCommittedGradientThenAddsMuTimesIt() {
        OptimizerDriver d = new OptimizerDriver(momentum("momentum", 0.9), THETA);
        assertThat(d.step(G1, 0.1)).containsExactly(1.0 - 0.1 * 0.5, -2.0 + 0.1);
        // b = 0.9·g1 + g2
        assertThat(d.step(G2, 0.1)).containsExactly(0.95 - 0.1 * (0.9 * 0.5 + 0.25), -1.9 - 0.1 * (0.9 * -1.0 + 2.0));
        assertThat(d.scalars("directionNormSq")).hasSize(2).first().isEqualTo(0.25 + 1.0);
    }

    @Test
    void nesterovStepsAlongTheGradientPlusMuTimesTheNewBuffer() {
        OptimizerDriver d = new OptimizerDriver(momentum("momentum", 0.5, "nesterov", true), THETA);
        // First step: b = g, d = g + 0.5·g.
        assertThat(d.step(G1, 1.0)).containsExactly(1.0 - 1.5 * 0.5, -2.0 + 1.5);
    }

    @Test
    void anIterationWithoutCommitLeavesTheStateAsItWas() {
        OptimizerDriver tried = new OptimizerDriver(momentum("momentum", 0.9), THETA);
        OptimizerDriver plain = new OptimizerDriver(momentum("momentum", 0.9), THETA);
        tried.step(G1, 0.1);
        plain.step(G1, 0.1);
        tried.trial(G2, 0.5);
        tried.trial(G2, 0.05);
        assertThat(tried.step(G2, 0.1)).containsExactly(plain.step(G2, 0.1));
    }

    @Test
    void adamsFirstStepMovesEachCoordinateByAboutTheRateAgainstItsSign() {
        Optimizer adam = new AdamPlugin().create(OptionDefaults.create(AdamPlugin.Options.class, Map.of()));
        double[] next = new OptimizerDriver(adam, THETA).step(G1, 0.01);
        // m̂ = g, √v̂ = |g|: d = g / (|g| + ε).
        assertThat(next[0]).isCloseTo(1.0 - 0.01 * 0.5 / (0.5 + 1e-8), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(next[1]).isCloseTo(-2.0 + 0.01 * 1.0 / (1.0 + 1e-8), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void adamwShrinksTheWeightsByRateTimesDecayBesideTheAdamStep() {
        Optimizer adamw = new AdamWPlugin().create(OptionDefaults.create(AdamWPlugin.Options.class,
                Map.of("weightDecay", 0.1, "eps", 0.0)));
        double[] next = new OptimizerDriver(adamw, THETA).step(G1, 0.01);
        assertThat(next[0]).isCloseTo(1.0 - 0.01 * (1.0 + 0.1 * 1.0), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void theRangeTestsRestoreReturnsTheOptimizerStateToo() {
        OptimizerDriver d = new OptimizerDriver(momentum("momentum", 0.9), THETA);
        d.step(G1, 0.1);
        double[] at = d.theta();
        Object state = d.saveState();
        double[] expected = d.trial(G2, 0.1);
        d.step(G2, 1.0);
        d.step(G1, 1.0);
        d.restore(at, state);
        assertThat(d.trial(G2, 0.1)).containsExactly(expected);
    }

    @Test
    void scheduleFreeEvaluatesAtTheAverageXWhichEqualsZAfterItsFirstStep() {
        Optimizer sf = new ScheduleFreeSgdPlugin().create(OptionDefaults.create(ScheduleFreeSgdPlugin.Options.class,
                Map.of("momentum", 0.9)));
        OptimizerDriver d = new OptimizerDriver(sf, THETA);
        assertThat(d.evaluationPoint()).containsExactly(THETA);
        d.step(G1, 1.0);
        // c = 1 at the first step: x′ = z′ = θ − g, and y′ = 0.9·x′ + 0.1·z′ = z′ up to rounding.
        assertThat(d.evaluationPoint()).containsExactly(1.0 - 0.5, -2.0 + 1.0);
        d.step(G2, 1.0);
        assertThat(d.evaluationPoint()).isNotEqualTo(d.theta());
        assertThat(d.scalars("c")).containsExactly(1.0, 0.5);
    }

    @Test
    void prodigyKeepsItsEstimateAtD0UntilTheNumeratorTurnsPositive() {
        Optimizer p = new ProdigyPlugin().create(OptionDefaults.create(ProdigyPlugin.Options.class, Map.of()));
        OptimizerDriver d = new OptimizerDriver(p, THETA);
        d.step(G1, 1.0);
        // θ₀ = θ at the first step: N′ = 0, so d̂ = 0 and d stays d0.
        assertThat(d.scalars("dHat")).containsExactly(0.0);
        assertThat(d.scalars("dNext")).containsExactly(1e-6);
        // The same gradient again points back to θ₀: ⟨g, θ₀ − θ⟩ > 0 and d grows.
        d.step(G1, 1.0);
        assertThat(d.scalars("dNext").get(1)).isGreaterThan(1e-6);
    }

    @Test
    void optionsOutsideTheReferenceBoundsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> OptionDefaults.create(AdamPlugin.Options.class, Map.of("beta1", 1.0)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> OptionDefaults.create(AdamWPlugin.Options.class, Map.of("eps", -1e-8)))
                .isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> OptionDefaults.create(MomentumPlugin.Options.class, Map.of("weightDecay", -0.1)))
                .isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> OptionDefaults.create(MomentumPlugin.Options.class,
                Map.of("momentum", 0.0, "nesterov", true))).isInstanceOf(InvalidOptionException.class).hasMessageContaining("momentum > 0");
        assertThatThrownBy(() -> OptionDefaults.create(ScheduleFreeSgdPlugin.Options.class, Map.of("momentum", 1.0)))
                .isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> OptionDefaults.create(ProdigyPlugin.Options.class, Map.of("d0", 0.0)))
                .isInstanceOf(InvalidOptionException.class);
    }
}
