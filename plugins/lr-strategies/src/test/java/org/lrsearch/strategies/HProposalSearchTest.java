package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.TraceSink;

/** The searcher's branches, scripted through a mocked step context. */
class HProposalSearchTest {
    StepContext ctx;
    TraceSink trace;
    BoundedStrategy successor;
    /** The searchRound events recorded, as their payloads. */
    List<java.util.Map<String, Object>> rounds;

    @BeforeEach
    void setUp() {
        ctx = mock(StepContext.class);
        trace = mock(TraceSink.class);
        successor = mock(BoundedStrategy.class);
        rounds = new ArrayList<>();
        when(ctx.trace()).thenReturn(trace);
        org.mockito.Mockito.doAnswer(inv -> rounds.add(inv.getArgument(1))).when(trace)
                .event(org.mockito.ArgumentMatchers.eq("searchRound"), org.mockito.ArgumentMatchers.any());
    }

    HProposalSearch search(double... h) {
        return new HProposalSearch(h, 8, 5, 20, successor);
    }

    @Test
    void shrinksProposalsWhenSignChangeExceedsAlpha() {
        when(ctx.signChangePercent(1.0)).thenReturn(20.0);
        when(ctx.signChangePercent(0.1)).thenReturn(9.0);
        when(ctx.signChangePercent(0.01)).thenReturn(6.0);
        when(ctx.signChangePercent(0.001)).thenReturn(1.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx);
        // Round 1 at {0.01, 0.1, 1}: max 20 > 8, shrink. Round 2 at {0.001, 0.01, 0.1}: max 9 > 8, shrink.
        // Round 3 at {1e-4, 1e-3, 1e-2}: max 6 in [5, 8], step with the smallest.
        assertThat(rounds).extracting(r -> r.get("case"))
                .containsExactly("shrink", "shrink", "stepSmallest");
        assertThat((double[]) rounds.get(1).get("H")).containsExactly(0.001, 0.01, 0.1);
        verify(ctx).commit(0.01 / 10 / 10);
        assertThat(s.bound()).isEmpty();
        verify(successor, never()).step(ctx);
    }

    @Test
    void stepsWithSmallestProposalWhenSignChangeBetweenBetaAndAlpha() {
        when(ctx.signChangePercent(anyDouble())).thenReturn(5.0, 8.0, 7.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx);
        verify(ctx).commit(0.01);
        assertThat(rounds).singleElement().extracting(r -> r.get("case")).isEqualTo("stepSmallest");
        assertThat(s.proposals()).containsExactly(0.01, 0.1, 1.0);
    }

    @Test
    void fixesBoundAtLargestSignChangeAndHandsTheSameIterationToSuccessor() {
        when(ctx.signChangePercent(0.01)).thenReturn(0.5);
        when(ctx.signChangePercent(0.1)).thenReturn(4.9);
        when(ctx.signChangePercent(1.0)).thenReturn(2.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx);
        assertThat(s.bound()).hasValue(0.1);
        verify(successor).acceptBound(0.1);
        verify(successor).step(ctx);
        verify(ctx, never()).commit(anyDouble());
        assertThat(rounds).singleElement().extracting(r -> r.get("delta")).isEqualTo(0.1);
    }

    @Test
    void tieInSignChangeGoesToTheLargerRate() {
        when(ctx.signChangePercent(anyDouble())).thenReturn(3.0, 3.0, 1.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx);
        assertThat(s.bound()).hasValue(0.1);
    }

    @Test
    void delegatesEveryLaterIterationWithoutSearching() {
        when(ctx.signChangePercent(anyDouble())).thenReturn(1.0);
        HProposalSearch s = search(0.01, 0.1, 1.0);
        s.step(ctx);
        s.step(ctx);
        s.step(ctx);
        verify(ctx, org.mockito.Mockito.times(3)).signChangePercent(anyDouble());
        verify(successor, org.mockito.Mockito.times(3)).step(ctx);
        verify(successor).acceptBound(anyDouble());
    }

    @Test
    void givesUpAfterShrinkLimitWithSmallestProposalAndWarning() {
        when(ctx.signChangePercent(anyDouble())).thenReturn(50.0);
        HProposalSearch s = new HProposalSearch(new double[] {1.0, 10.0}, 8, 5, 3, successor);
        s.step(ctx);
        assertThat(rounds).extracting(r -> r.get("case"))
                .containsExactly("shrink", "shrink", "shrink", "giveUp");
        assertThat(s.bound().getAsDouble()).isCloseTo(0.001, org.assertj.core.data.Offset.offset(1e-18));
        verify(trace).warning(org.mockito.ArgumentMatchers.contains("no bound after 3 shrinks"));
        verify(successor).acceptBound(eq(s.bound().getAsDouble()));
        verify(successor).step(ctx);
    }
}
