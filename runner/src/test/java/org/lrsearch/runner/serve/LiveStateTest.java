package org.lrsearch.runner.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;

class LiveStateTest {
    private static RunResult run(String strategy, int shots, long seed, RunStatus status, String phase) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("strategy", strategy);
        coordinates.put("dataset.shots", shots);
        if (phase != null) {
            coordinates.put("phase", phase);
        }
        RunSpec spec = new RunSpec(strategy + shots + "-" + seed, "mnist", "two-layer-net", 2, shots, "first", strategy,
                "fixed", seed, 100, 50, coordinates, List.of("strategy", "dataset.shots"));
        return new RunResult(spec, status, "", 100, 0.5, 1.0, Map.of(), 0, 0, 1, 0, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void aCellIsShownOnceEverySeedOfItHasCompleted() {
        List<RunResult> runs = new ArrayList<>(List.of(run("0.1", 1, 0, RunStatus.OK, null), run("0.1", 1, 1, RunStatus.DIVERGED, null),
                run("0.1", 2, 0, RunStatus.OK, null), run("H1", 1, 0, RunStatus.OK, null), run("H1", 1, 1, RunStatus.FAILED, null)));
        assertThat(LiveState.completeCells(runs, 2)).extracting(r -> r.spec().runId()).containsExactly("0.11-0", "0.11-1");
        assertThat(LiveState.completeCells(runs, 1)).extracting(r -> r.spec().runId())
                .containsExactly("0.11-0", "0.11-1", "0.12-0", "H11-0", "H11-1");
    }

    @Test
    void tuningRunsAreShownAsTheyLand() {
        List<RunResult> runs = List.of(run("0.1", 1, 0, RunStatus.OK, "tuning"), run("0.1", 1, 0, RunStatus.OK, "evaluation"));
        assertThat(LiveState.completeCells(runs, 3)).extracting(r -> r.spec().coordinates().get("phase")).containsExactly("tuning");
    }

    @Test
    void progressIsGivenInTheWordsScriptsLookFor() {
        assertThat(new LiveState.Status(12, 120, 1, 2, 65_000L, false, "").words())
                .isEqualTo("12 of 120 runs done, 1 failed, 2 diverged, ETA 1:05");
        assertThat(new LiveState.Status(3, 120, 0, 0, null, false, "").words()).endsWith("ETA unknown");
        assertThat(new LiveState.Status(120, 120, 0, 0, 0L, true, "").words()).isEqualTo("120 of 120 runs done, 0 failed, 0 diverged, finished");
    }
}
