package org.lrsearch.runner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.ScalarSeries;
import org.lrsearch.api.StoredList;
import org.lrsearch.api.TraceEvent;

/** Stored runs come back in grid order, a chunk at a time, each run's curve and traces when asked for. */
class StoredRunsTest {
    /** More than two chunks, so walking the runs crosses chunk boundaries. */
    private static final int RUNS = 2 * StoredRuns.CHUNK + 37;

    @TempDir
    Path dir;

    private static RunResult run(int i, boolean tuning) {
        Map<String, Object> coordinates = new LinkedHashMap<>();
        coordinates.put("strategy", "0.1");
        coordinates.put("dataset.shots", 1 + i % 5);
        if (tuning) {
            coordinates.put("phase", "tuning");
        }
        RunSpec spec = new RunSpec("run" + i, "mnist", "two-layer-net", 2, 1 + i % 5, "first", "0.1", "fixed", i, 100, 50,
                coordinates, List.of("strategy", "dataset.shots"));
        return new RunResult(spec, RunStatus.OK, "", 100, i / 1000.0, 1.0, Map.of("delta", 0.01), 3, 2, 1, 0,
                List.of(new CurvePoint(50, i / 2000.0, 0.1), new CurvePoint(100, i / 1000.0, 0.1)),
                List.of(new TraceEvent(0, "searchRound", Map.of("case", "shrink"))), List.of(new LrSegment(0, 99, 0.1)),
                List.of(new ScalarSeries("loss", new int[] {0, 1}, new double[] {2.5, i})), List.of());
    }

    /** Every run saved, in an order other than the grid's; every seventh a tuning run. */
    private List<RunResult> saveAll(ResultsStore store) {
        List<RunResult> grid = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            grid.add(run(i, i % 7 == 3));
        }
        for (int i = RUNS - 1; i >= 0; i--) {
            store.save(i, grid.get(i));
        }
        return grid;
    }

    @Test
    void runsComeBackInGridOrderWithTheirCurvesAndTraces() {
        try (ResultsStore store = ResultsStore.open(dir)) {
            List<RunResult> grid = saveAll(store);
            List<RunResult> read = store.runs();
            assertThat(read).hasSize(RUNS);
            for (int i = 0; i < RUNS; i++) {
                RunResult want = grid.get(i);
                RunResult got = read.get(i);
                assertThat(got.spec()).isEqualTo(want.spec());
                assertThat(got.testAccuracy()).isEqualTo(want.testAccuracy());
                assertThat(got.curve()).isEqualTo(want.curve());
                if (i % 7 == 3) {
                    // A tuning run: reports use only its outcome and curve.
                    assertThat(got.events()).isEmpty();
                    assertThat(got.scalars()).isEmpty();
                } else {
                    assertThat(got.events()).isEqualTo(want.events());
                    assertThat(got.lrSegments()).isEqualTo(want.lrSegments());
                    assertThat(got.scalars()).singleElement().satisfies(s -> assertThat(s.values()).containsExactly(2.5, want.scalars().get(0).values()[1]));
                }
            }
            assertThat(new ArrayList<>(read)).extracting(r -> r.spec().runId()).isEqualTo(grid.stream().map(r -> r.spec().runId()).toList());
        }
    }

    @Test
    void reportersGetTheEvaluationAndTuningRunsApartWithoutACopy() {
        try (ResultsStore store = ResultsStore.open(dir)) {
            saveAll(store);
            ExperimentInfo info = new ExperimentInfo("t", "", "", Map.of(), Map.of(), List.of(), List.of(), null, null, Map.of());
            ExperimentResults results = store.results(info);
            assertThat(results.runs()).isInstanceOf(StoredList.class);
            assertThat(results.tuning()).isInstanceOf(StoredList.class);
            assertThat(results.runs()).allSatisfy(r -> assertThat(r.spec().coordinate("phase")).isNull());
            assertThat(results.tuning()).allSatisfy(r -> assertThat(r.spec().coordinate("phase")).isEqualTo("tuning"));
            assertThat(results.runs().size() + results.tuning().size()).isEqualTo(RUNS);
            assertThat(results.tuning()).hasSize((RUNS + 3) / 7);
        }
    }

    @Test
    void runsAndCurvesAreReadWhenWalkedNotWhenListed() {
        List<RunResult> read;
        RunResult first;
        try (ResultsStore store = ResultsStore.open(dir)) {
            saveAll(store);
            read = store.runs();
            first = read.get(0);
        }
        // The store is closed: what was read stays readable, what was not is still in the store.
        assertThat(first.spec().runId()).isEqualTo("run0");
        assertThatThrownBy(() -> first.curve().size()).isInstanceOf(IllegalStateException.class).hasMessageContaining("results store");
        assertThatThrownBy(() -> read.get(RUNS - 1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("results store");
    }
}
