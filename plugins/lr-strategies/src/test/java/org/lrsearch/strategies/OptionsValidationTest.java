package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.OptionDefaults;

class OptionsValidationTest {
    static HProposalSearchOptions search(List<Double> h, Double alpha, Double beta) {
        Map<String, Object> o = new java.util.HashMap<>();
        o.put("proposals", h);
        o.put("alpha", alpha);
        o.put("beta", beta);
        return OptionDefaults.create(HProposalSearchOptions.class, o);
    }

    @Test
    void refusesEmptyProposals() {
        assertThatThrownBy(() -> search(List.of(), null, null)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("at least one").extracting(e -> ((InvalidOptionException) e).key()).isEqualTo("proposals");
    }

    @Test
    void refusesUnsortedProposals() {
        assertThatThrownBy(() -> search(List.of(0.1, 0.01), null, null)).hasMessageContaining("ascending");
    }

    @Test
    void refusesNonPositiveOrNonFiniteRates() {
        assertThatThrownBy(() -> search(List.of(0.0, 1.0), null, null)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> search(Arrays.asList(Double.NaN), null, null)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new FixedOptions(-0.1)).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new FixedOptions(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
    }

    @Test
    void fixedWithoutARateNeedsABound() {
        var alone = (org.lrsearch.api.BoundedStrategy) new FixedPlugin().create(OptionDefaults.create(FixedOptions.class), null);
        org.assertj.core.api.Assertions.assertThat(alone.needsBound()).isTrue();
        var withRate = (org.lrsearch.api.BoundedStrategy) new FixedPlugin().create(new FixedOptions(0.1), null);
        org.assertj.core.api.Assertions.assertThat(withRate.needsBound()).isFalse();
    }

    @Test
    void refusesAlphaBelowBeta() {
        assertThatThrownBy(() -> search(List.of(1.0), 3.0, 5.0)).isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(">= beta");
    }

    @Test
    void refusesThenStrategyThatDoesNotAcceptABound() {
        HProposalSearchOptions o = OptionDefaults.create(HProposalSearchOptions.class,
                Map.of("proposals", List.of(1.0), "then", Map.of("plugin", "fixed")));
        assertThatThrownBy(() -> new HProposalSearchPlugin().create(o, (key, spec) -> ctx -> ctx.commit(0.1)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("does not accept a bound");
    }

    @Test
    void refusesSelectorWithBothFractionsAndCandidates() {
        assertThatThrownBy(() -> OptionDefaults.create(KMinLossOptions.class,
                Map.of("fractions", List.of(0.5), "candidates", List.of(0.1)))).hasMessageContaining("one or the other");
        assertThatThrownBy(() -> OptionDefaults.create(KMinLossOptions.class,
                Map.of("lossOn", "test-set"))).hasMessageContaining("minibatch, train-set");
    }
}
