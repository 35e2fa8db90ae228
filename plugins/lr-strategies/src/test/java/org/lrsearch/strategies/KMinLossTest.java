package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.StepContext;
import org.lrsearch.api.TraceSink;

class KMinLossTest {
    final StepContext ctx = mock(StepContext.class);
    final TraceSink trace = mock(TraceSink.class);

    KMinLossTest() {
        when(ctx.trace()).thenReturn(trace);
    }

    @Test
    void commitsTheCandidateWithLeastLossAmongFractionsOfTheBound() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        k.acceptBound(0.02);
        when(ctx.trialLoss(0.01, LossScope.MINIBATCH)).thenReturn(1.5);
        when(ctx.trialLoss(0.02, LossScope.MINIBATCH)).thenReturn(1.7);
        k.step(ctx);
        verify(ctx).commit(0.01);
        verify(trace).candidates(new double[] {0.01, 0.02}, new double[] {1.5, 1.7});
    }

    @Test
    void tieInLossGoesToTheLargerRate() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        k.acceptBound(0.02);
        when(ctx.trialLoss(anyDouble(), eq(LossScope.MINIBATCH))).thenReturn(1.5);
        k.step(ctx);
        verify(ctx).commit(0.02);
    }

    @Test
    void measuresLossOnTheTrainingSetWhenAsked() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.TRAIN_SET);
        when(ctx.trialLoss(0.1, LossScope.TRAIN_SET)).thenReturn(0.9);
        when(ctx.trialLoss(0.3, LossScope.TRAIN_SET)).thenReturn(0.4);
        k.step(ctx);
        verify(ctx).commit(0.3);
        verify(ctx, never()).trialLoss(anyDouble(), eq(LossScope.MINIBATCH));
    }

    @Test
    void skipsCandidatesWhoseLossIsNotANumber() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.MINIBATCH);
        when(ctx.trialLoss(0.1, LossScope.MINIBATCH)).thenReturn(2.0);
        when(ctx.trialLoss(0.3, LossScope.MINIBATCH)).thenReturn(Double.NaN);
        k.step(ctx);
        verify(ctx).commit(0.1);
    }

    @Test
    void endsTheRunAsDivergedWhenEveryCandidateLossIsNonFinite() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.MINIBATCH);
        when(ctx.iteration()).thenReturn(7);
        when(ctx.trialLoss(0.1, LossScope.MINIBATCH)).thenReturn(Double.NaN);
        when(ctx.trialLoss(0.3, LossScope.MINIBATCH)).thenReturn(Double.POSITIVE_INFINITY);
        k.step(ctx);
        verify(ctx, never()).commit(anyDouble());
        verify(ctx).diverged(org.mockito.ArgumentMatchers.contains("every candidate loss is non-finite at iteration 7"));
    }

    @Test
    void refusesToStepWithFractionsBeforeABoundArrives() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        assertThatThrownBy(() -> k.step(ctx)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a bound");
    }

    @Test
    void explicitCandidatesIgnoreABound() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1), LossScope.MINIBATCH);
        k.acceptBound(5);
        when(ctx.trialLoss(0.1, LossScope.MINIBATCH)).thenReturn(1.0);
        k.step(ctx);
        verify(ctx).commit(0.1);
        assertThat(k.bound()).isEmpty();
    }
}
