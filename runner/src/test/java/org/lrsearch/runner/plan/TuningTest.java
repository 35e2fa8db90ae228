package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

/** The samplers and ranges of the tuning block, against their definitions. */
class TuningTest {
    private static Tuning tuning(String sampler, int budget, Tuning.Range... ranges) {
        Map<String, List<Tuning.Range>> space = new LinkedHashMap<>();
        space.put("s", List.of(ranges));
        return new Tuning(budget, sampler, List.of(5L, 6L), "validation-accuracy", space, false);
    }

    @Test
    void rangesMapTheUnitIntervalAsDefined() {
        Tuning.Range log = new Tuning.Range("lr", "log", List.of(0.001, 10.0), false);
        assertThat((Double) log.at(0)).isCloseTo(0.001, within(1e-15));
        assertThat((Double) log.at(0.5)).isCloseTo(Math.sqrt(0.001 * 10), within(1e-12));
        Tuning.Range linear = new Tuning.Range("alpha", "linear", List.of(2, 16), false);
        assertThat((Double) linear.at(0.25)).isEqualTo(5.5);
        Tuning.Range whole = new Tuning.Range("steps", "linear", List.of(10, 20), true);
        assertThat(whole.at(0.26)).isEqualTo(13L);
        Tuning.Range choice = new Tuning.Range("lossOn", "choice", List.of("minibatch", "train-set"), false);
        assertThat(choice.at(0.49)).isEqualTo("minibatch");
        assertThat(choice.at(0.5)).isEqualTo("train-set");
    }

    @Test
    void sobolTakesTheFirstPointsOfCommonsMathsSequenceOneDimensionPerOptionInOrder() {
        Tuning t = tuning("sobol", 5, new Tuning.Range("a", "linear", List.of(0, 1), false),
                new Tuning.Range("b", "linear", List.of(0, 2), false));
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2);
        for (Map<String, Object> c : t.candidates("s", "{}")) {
            double[] u = sobol.nextVector();
            assertThat((Double) c.get("a")).isEqualTo(u[0]);
            assertThat((Double) c.get("b")).isEqualTo(2 * u[1]);
        }
    }

    @Test
    void gridEnumeratesTheProductFirstOptionOutermostAndRandomDependsOnTheSetting() {
        Tuning g = tuning("grid", 4, new Tuning.Range("a", "grid", List.of(1, 2), false),
                new Tuning.Range("b", "grid", List.of("x", "y"), false));
        assertThat(g.candidates("s", "{}")).containsExactly(Map.of("a", 1, "b", "x"), Map.of("a", 1, "b", "y"),
                Map.of("a", 2, "b", "x"), Map.of("a", 2, "b", "y"));
        Tuning r = tuning("random", 3, new Tuning.Range("lr", "log", List.of(0.01, 1.0), false));
        assertThat(r.candidates("s", "{shots=1}")).isEqualTo(r.candidates("s", "{shots=1}"))
                .isNotEqualTo(r.candidates("s", "{shots=2}"));
    }
}
