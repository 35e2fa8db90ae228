package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Model;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;

class TrainerTest {
    final Model model = mock(Model.class);
    final RunSpec spec = new RunSpec("r", "d", "m", 1, 1, "first", "s", "p", 0, 10, 5, Map.of(), java.util.List.of());

    TrainerTest() {
        when(model.trainLoss()).thenReturn(2.3);
        when(model.gradient(org.mockito.ArgumentMatchers.any())).thenReturn(2.0);
        when(model.isFinite()).thenReturn(true);
        when(model.testAccuracy()).thenReturn(0.5);
    }

    RunResult train(LrStrategy strategy) {
        return new Trainer(spec, model, strategy, 1, it -> new int[] {0}, 4.0, null, () -> false).run();
    }

    @Test
    void aStrategyThatCannotStepEndsTheRunAsDivergedNeverOk() {
        RunResult r = train(ctx -> {
            if (ctx.iteration() == 3) {
                ctx.diverged("every candidate loss is non-finite at iteration 3");
            } else {
                ctx.commit(0.1);
            }
        });
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.message()).isEqualTo("every candidate loss is non-finite at iteration 3");
        assertThat(r.stoppedAt()).isEqualTo(3);
    }

    @Test
    void aRunWhoseStrategyStepsThroughIsOk() {
        RunResult r = train(ctx -> ctx.commit(0.1));
        assertThat(r.status()).isEqualTo(RunStatus.OK);
        assertThat(r.stoppedAt()).isEqualTo(10);
    }

    @Test
    void aTrialAfterCommitIsRefusedClearly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> train(ctx -> {
            ctx.commit(0.1);
            ctx.trialLoss(0.05);
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("trialLoss after commit in iteration 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> train(ctx -> {
            ctx.commit(0.1);
            ctx.signChangePercent(0.05);
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("signChangePercent after commit");
    }

    @Test
    void aRunDivergedAtItsFirstIterationCommitsNothing() {
        RunResult r = train(ctx -> ctx.diverged(""));
        assertThat(r.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(r.message()).isEqualTo("the strategy could not step at iteration 0");
        verify(model, never()).commit(anyDouble());
    }
}
