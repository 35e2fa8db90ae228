package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.PlannedRun;
import org.mockito.InOrder;

class LocalEngineTest {
    static PlannedRun run(int order, String strategy) {
        RunSpec spec = new RunSpec("r" + order, "d", "m", 2, 1, "first", strategy, "fixed", 0, 100, 100,
                Map.of("strategy", strategy), List.of("strategy"));
        return new PlannedRun(order, spec, null, null, null, "strategies." + strategy, Map.of(), "optimizer", Map.of("plugin", "sgd"), null);
    }

    @Test
    void eachStrategyIsWarmedUpOnceBeforeAnyRunIsTimedAndNothingOfItIsCommitted() {
        RunExecutor executor = mock(RunExecutor.class);
        when(executor.execute(any(), any(), any())).thenAnswer(a -> mock(RunResult.class));
        List<PlannedRun> runs = List.of(run(0, "0.1"), run(1, "H1"), run(2, "0.1"), run(3, "H1"));
        List<PlannedRun> committed = new ArrayList<>();
        boolean done = new LocalEngine().execute(new RunEngine.Job(mock(ExperimentPlan.class), executor, 1, Map.of(), null),
                runs, (run, r) -> committed.add(run));
        assertThat(done).isTrue();
        assertThat(committed).containsExactlyElementsOf(runs);
        InOrder order = inOrder(executor);
        order.verify(executor).warmUp(org.mockito.ArgumentMatchers.eq(runs.get(0)), any(), any());
        order.verify(executor).warmUp(org.mockito.ArgumentMatchers.eq(runs.get(1)), any(), any());
        order.verify(executor, times(4)).execute(any(), any(), any());
    }
}
