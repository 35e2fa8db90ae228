package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.LossScope;
import org.lrsearch.testkit.ScriptedStepContext;

class KMinLossTest {
    final ScriptedStepContext ctx = new ScriptedStepContext();

    /** Losses per rate, from a table. */
    ScriptedStepContext losses(LossScope scope, Map<Double, Double> table) {
        return ctx.loss(scope, eta -> table.get(eta));
    }

    @Test
    void commitsTheCandidateWithLeastLossAmongFractionsOfTheBound() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        k.acceptBound(0.02);
        losses(LossScope.MINIBATCH, Map.of(0.01, 1.5, 0.02, 1.7));
        k.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.01);
        assertThat(ctx.candidates()).containsExactly(0.01, 0.02);
        assertThat(ctx.candidateLosses()).containsExactly(1.5, 1.7);
    }

    @Test
    void tieInLossGoesToTheLargerRate() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        k.acceptBound(0.02);
        ctx.loss(LossScope.MINIBATCH, eta -> 1.5);
        k.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.02);
    }

    @Test
    void measuresLossOnTheTrainingSetWhenAsked() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.TRAIN_SET);
        losses(LossScope.TRAIN_SET, Map.of(0.1, 0.9, 0.3, 0.4));
        ctx.loss(LossScope.MINIBATCH, eta -> {
            throw new AssertionError("the minibatch loss was not to be asked for");
        });
        k.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.3);
    }

    @Test
    void skipsCandidatesWhoseLossIsNotANumber() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.MINIBATCH);
        losses(LossScope.MINIBATCH, Map.of(0.1, 2.0, 0.3, Double.NaN));
        k.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.1);
    }

    @Test
    void endsTheRunAsDivergedWhenEveryCandidateLossIsNonFinite() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1, 0.3), LossScope.MINIBATCH);
        losses(LossScope.MINIBATCH, Map.of(0.1, Double.NaN, 0.3, Double.POSITIVE_INFINITY));
        k.step(ctx.next(7, 2.3));
        assertThat(ctx.commits()).isEmpty();
        assertThat(ctx.diverged()).startsWith("every candidate loss is non-finite at iteration 7");
    }

    @Test
    void refusesToStepWithFractionsBeforeABoundArrives() {
        KMinLoss k = KMinLoss.withFractions(List.of(0.5, 1.0), LossScope.MINIBATCH);
        assertThatThrownBy(() -> k.step(ctx.next(0, 2.3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a bound");
    }

    @Test
    void explicitCandidatesIgnoreABound() {
        KMinLoss k = KMinLoss.withCandidates(List.of(0.1), LossScope.MINIBATCH);
        k.acceptBound(5);
        ctx.loss(eta -> 1.0);
        k.step(ctx.next(0, 2.3));
        assertThat(ctx.committed()).isEqualTo(0.1);
        assertThat(k.bound()).isEmpty();
    }
}
