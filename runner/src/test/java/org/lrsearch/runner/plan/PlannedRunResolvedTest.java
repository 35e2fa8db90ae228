package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * A plan holds no config tree per run: {@link PlannedRun#resolved} builds it again from the run's parts.
 * Built again, it must be the very config the run's id was hashed from, for every kind of run the shipped
 * studies plan (optimizers, tuning and evaluation phases, validation sets, nested strategies, a CNN).
 */
class PlannedRunResolvedTest {
    @ParameterizedTest
    @ValueSource(strings = {"paper-table1.yaml", "optimizers.yaml", "fair-shootout.yaml", "strategy-shootout.yaml",
            "cnn-table1.yaml", "mlp-depth.yaml"})
    void theResolvedConfigBuiltAgainHashesToTheRunsOwnId(String file) throws Exception {
        Planner planner = BundledPlugins.planner();
        ExperimentPlan plan = planner.plan(ComposedConfig.load(Path.of("..", "experiments", file), List.of()),
                Planner.DataCheck.NONE);
        assertThat(plan.runs()).isNotEmpty();
        for (PlannedRun r : plan.runs()) {
            assertThat(RunResolver.runId(r.resolved())).as(r.spec().coordinates().toString()).isEqualTo(r.spec().runId());
        }
    }
}
