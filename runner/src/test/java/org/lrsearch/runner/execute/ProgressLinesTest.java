package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.RunSpec;
import org.lrsearch.runner.plan.PlannedRun;

class ProgressLinesTest {
    static PlannedRun run(String strategy, int batch, long seed) {
        RunSpec spec = new RunSpec(strategy + batch + seed, "d", "m", batch, 1, "first", strategy, "p", seed, 10, 10,
                Map.of("strategy", strategy, "training.batchSize", batch), List.of("strategy", "training.batchSize"));
        return new PlannedRun(0, spec, null, null, null, "", Map.of(), "optimizer", Map.of("plugin", "sgd"), null);
    }

    @Test
    void printsALineEveryFivePercentWithDoneTotalAndEta() {
        List<PlannedRun> todo = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            todo.add(run("a", 2, i));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLines p = new ProgressLines(todo, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        todo.forEach(r -> p.finished(r, 10));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(20);
        assertThat(lines[0]).startsWith("progress: 2/40 runs (5%), elapsed ").contains(", ETA ");
        assertThat(lines[19]).startsWith("progress: 40/40 runs (100%)").doesNotContain("ETA");
    }

    @Test
    void etaWeighsRemainingRunsByTheCostOfTheirMostSimilarFinishedRuns() {
        // Half the runs cost 10 ms (batch 2), half 1,000 ms (batch 8): once the cheap half is done the
        // remaining work is 100 times what was done, not equal to it.
        List<PlannedRun> todo = new ArrayList<>();
        for (int seed = 0; seed < 10; seed++) {
            todo.add(run("a", 2, seed));
        }
        for (int seed = 0; seed < 10; seed++) {
            todo.add(run("a", 8, seed));
        }
        todo.add(run("b", 8, 0));
        ProgressLines p = new ProgressLines(todo, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            p.finished(todo.get(i), 10);
        }
        p.finished(todo.get(10), 1000);
        // Done: 10 × 10 + 1,000 ms of run time. Left: 9 runs of (a, 8) and one of (b, 8), nearest (a, 8): 10 × 1,000 ms.
        assertThat(p.eta(1100)).isEqualTo(10_000);
    }
}
