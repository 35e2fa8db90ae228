package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.testkit.ScriptedStepContext;

/** DoG's rule on scripted steps; its golden trace is checked through the runner's real step context. */
class DogTest {
    static BoundedStrategy dog(Map<String, Object> options) {
        return (BoundedStrategy) new DogPlugin().create(OptionDefaults.create(DogPlugin.Options.class, options), null);
    }

    @Test
    void firstStepTakesTheInitialDistanceOverTheGradientNormThenTheLargestDistanceSoFar() {
        BoundedStrategy s = dog(Map.of("eps", 0.0));
        // θ₀ = (3, 4): ‖θ₀‖ = 5, r̄ = 1e-6 · 6; g = (0, 2): G = 4; η = 6e-6 / 2.
        ScriptedStepContext c = new ScriptedStepContext().parameters(3, 4).gradient(0, 2);
        s.step(c.next(0, 1.0));
        assertThat(c.committed()).isEqualTo(6e-6 / 2);
        assertThat(c.scalars("rBar").get(0)).isEqualTo(6e-6);
        // θ moved by η·g = (0, −6e-6): the distance 6e-6 (to the rounding of 4 − 6e-6) is r̄; G = 4 + 4 = 8.
        s.step(c.next(1, 1.0));
        assertThat(c.scalars("distance").get(1)).isCloseTo(6e-6, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(c.scalars("gSumSq").get(1)).isEqualTo(8.0);
        assertThat(c.committed()).isCloseTo(6e-6 / Math.sqrt(8), org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void initEtaSetsTheFirstRateAndABoundCapsEveryRate() {
        BoundedStrategy s = dog(Map.of("initEta", 0.5));
        ScriptedStepContext c = new ScriptedStepContext().parameters(3, 4).gradient(0, 2);
        s.acceptBound(0.1);
        s.step(c.next(0, 1.0));
        assertThat(c.committed()).isEqualTo(0.1);
        assertThat(c.scalars("rBar").get(0)).isZero();
    }

    @Test
    void noGradientAtAllEndsTheRunAsDiverged() {
        BoundedStrategy s = dog(Map.of("eps", 0.0));
        ScriptedStepContext c = new ScriptedStepContext().parameters(3, 4).gradient(0, 0);
        s.step(c.next(0, 1.0));
        assertThat(c.diverged()).contains("G = 0.0");
    }

    @Test
    void optionsAreCheckedWithTheKeyNamed() {
        assertThatThrownBy(() -> dog(Map.of("c", 0.0))).isInstanceOf(InvalidOptionException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> dog(Map.of("eps", -1.0))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> dog(Map.of("initEta", -1.0))).hasMessageContaining("> 0");
        assertThat(dog(Map.of("repsRel", 0.0, "initEta", 0.01))).isNotNull();
    }
}
