package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;

class OptionsValidationTest {
    static HProposalSearchOptions search(List<Double> h, Double alpha, Double beta) {
        return new HProposalSearchOptions(h, alpha, beta, null, null);
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
        var alone = (org.lrsearch.api.BoundedStrategy) new FixedPlugin().create(new FixedOptions(null), null);
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
        HProposalSearchOptions o = new HProposalSearchOptions(List.of(1.0), null, null, null, Map.of("plugin", "fixed"));
        assertThatThrownBy(() -> new HProposalSearchPlugin().create(o, (key, spec) -> ctx -> ctx.commit(0.1)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("does not accept a bound");
    }

    @Test
    void refusesSelectorWithBothFractionsAndCandidates() {
        assertThatThrownBy(() -> new KMinLossOptions(List.of(0.5), List.of(0.1), null)).hasMessageContaining("one or the other");
        assertThatThrownBy(() -> new KMinLossOptions(null, null, "test-set")).hasMessageContaining("minibatch, train-set");
    }
}
