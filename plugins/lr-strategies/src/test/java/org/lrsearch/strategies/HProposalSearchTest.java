package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.SignChange;
import org.lrsearch.testkit.ScriptedStepContext;

/** The searcher's branches, through a scripted step context; the successor is a mock to see what it is handed. */
class HProposalSearchTest {
    ScriptedStepContext ctx;
    BoundedStrategy successor;

    @BeforeEach
    void setUp() {
        ctx = new ScriptedStepContext();
        successor = mock(BoundedStrategy.class);
    }

    HProposalSearch search(double... h) {
        return new HProposalSearch(h, 8, 5, 20, SignChange.Zeros.FLIP, successor);
    }

    /** G per rate, from a table. */
    void signChanges(Map<Double, Double> g) {
        ctx.signChange(eta -> {
            Double v = g.get(eta);
            if (v == null) {
                throw new AssertionError("G(" + eta + ") was not expected to be asked for");
            }
            return v;
        });
    }

    List<Object> cases() {
        return ctx.events("searchRound").stream().map(e -> e.payload().get("case")).toList();
    }

    @Test
    void shrinksProposalsWhenSignChangeExceedsAlpha() {
        signChanges(Map.of(1.0, 20.0, 0.1, 9.0, 0.01, 6.0, 0.001, 1.0, 1e-4, 0.5));
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx.next(0, 2.3));
        // Round 1 at {0.01, 0.1, 1}: max 20 > 8, shrink. Round 2 at {0.001, 0.01, 0.1}: max 9 > 8, shrink.
        // Round 3 at {1e-4, 1e-3, 1e-2}: max 6 in [5, 8], step with the smallest.
        assertThat(cases()).containsExactly("shrink", "shrink", "stepSmallest");
        assertThat(ctx.events("searchRound").get(1).numbers("H")).containsExactly(0.001, 0.01, 0.1);
        assertThat(ctx.committed()).isEqualTo(0.01 / 10 / 10);
        assertThat(s.bound()).isEmpty();
        verify(successor, never()).step(ctx);
    }

    @Test
    void stepsWithSmallestProposalWhenSignChangeBetweenBetaAndAlpha() {
        signChanges(Map.of(0.01, 5.0, 0.1, 8.0, 1.0, 7.0));
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.01);
        assertThat(cases()).containsExactly("stepSmallest");
        assertThat(s.proposals()).containsExactly(0.01, 0.1, 1.0);
    }

    @Test
    void fixesBoundAtLargestSignChangeAndHandsTheSameIterationToSuccessor() {
        signChanges(Map.of(0.01, 0.5, 0.1, 4.9, 1.0, 2.0));
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx.next(0, 2.3));
        assertThat(s.bound()).hasValue(0.1);
        verify(successor).acceptBound(0.1);
        verify(successor).step(ctx);
        assertThat(ctx.commits()).isEmpty();
        assertThat(ctx.events("searchRound")).singleElement().extracting(e -> e.number("delta")).isEqualTo(0.1);
        assertThat(s.results()).containsEntry("delta", 0.1);
    }

    @Test
    void tieInSignChangeGoesToTheLargerRate() {
        signChanges(Map.of(0.01, 3.0, 0.1, 3.0, 1.0, 1.0));
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx.next(0, 2.3));
        assertThat(s.bound()).hasValue(0.1);
    }

    @Test
    void delegatesEveryLaterIterationWithoutSearching() {
        ctx.signChange(eta -> 1.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        for (int it = 0; it < 3; it++) {
            s.step(ctx.next(it, 2.3));
        }
        assertThat(ctx.trials()).hasSize(3);
        verify(successor, times(3)).step(ctx);
        verify(successor).acceptBound(anyDouble());
    }

    @Test
    void givesUpAfterShrinkLimitWithSmallestProposalAndWarning() {
        ctx.signChange(eta -> 50.0);
        HProposalSearch s = new HProposalSearch(new double[] {1.0, 10.0}, 8, 5, 3, SignChange.Zeros.FLIP, successor);
        s.step(ctx.next(0, 2.3));
        assertThat(cases()).containsExactly("shrink", "shrink", "shrink", "giveUp");
        assertThat(s.bound().getAsDouble()).isCloseTo(0.001, Offset.offset(1e-18));
        assertThat(ctx.warnings()).singleElement().asString().contains("no bound after 3 shrinks");
        verify(successor).acceptBound(s.bound().getAsDouble());
        verify(successor).step(ctx);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"flip, FLIP", "skip, SKIP", ", FLIP"})
    void measuresGUnderTheConfiguredRuleForZeros(String option, SignChange.Zeros rule) {
        Map<String, Object> o = new java.util.HashMap<>(Map.of("proposals", List.of(0.01, 0.1, 1.0)));
        if (option != null) {
            o.put("zeros", option);
        }
        var options = org.lrsearch.api.OptionDefaults.create(HProposalSearchOptions.class, o);
        org.lrsearch.api.LrStrategy s = new HProposalSearchPlugin().create(options, (key, spec) -> successor);
        signChanges(Map.of(1.0, 1.0, 0.1, 0.5, 0.01, 0.0));
        s.step(ctx.next(0, 2.3));
        assertThat(ctx.zeros()).isEqualTo(rule);
        assertThat(cases()).containsExactly("bound");
    }

    @Test
    void anUnknownRuleForZerosIsRefusedListingBoth() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.lrsearch.api.OptionDefaults.create(
                        HProposalSearchOptions.class, Map.of("proposals", List.of(0.1), "zeros", "ignore")))
                .isInstanceOf(org.lrsearch.api.InvalidOptionException.class).hasMessageContaining("flip, skip")
                .satisfies(e -> assertThat(((org.lrsearch.api.InvalidOptionException) e).key()).isEqualTo("zeros"));
    }
}
