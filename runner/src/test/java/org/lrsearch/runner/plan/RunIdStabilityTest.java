package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * Run ids of stored studies stay valid as plugins gain options: the main job's searcher runs keep the ids
 * they had before {@code h-proposal-search} had {@code zeros} (at its default, the old behaviour, it is
 * left out of the identity), so {@code --resume} on an older folder finds them.
 */
class RunIdStabilityTest {
    static final Path MAIN_JOB = Path.of("..", "experiments", "paper-table1.yaml");
    static Planner planner;

    @BeforeAll
    static void discover() {
        planner = BundledPlugins.planner();
    }

    private static String idOf(List<String> overrides, String strategy) throws IOException {
        ExperimentPlan plan = planner.plan(ComposedConfig.load(MAIN_JOB, overrides), Planner.DataCheck.NONE);
        return plan.runs().stream().filter(r -> r.spec().strategy().equals(strategy)
                        && r.spec().batchSize() == 2 && r.spec().shots() == 1
                        && Integer.valueOf(20).equals(r.spec().coordinates().get("model.hidden")))
                .findFirst().orElseThrow().spec().runId();
    }

    @Test
    void theMainJobsSearcherRunsKeepTheirStoredIds() throws IOException {
        // The ids results.csv gave these runs (batch 2, hidden 20, 1 shot) before the option existed.
        assertThat(idOf(List.of(), "H1")).isEqualTo("0d4a20246256");
        assertThat(idOf(List.of(), "H2")).isEqualTo("c7b8119d8f84");
        assertThat(idOf(List.of("strategies.H1.zeros=flip"), "H1")).isEqualTo("0d4a20246256");
        assertThat(idOf(List.of("strategies.H1.zeros=skip"), "H1")).isNotEqualTo("0d4a20246256");
    }
}
