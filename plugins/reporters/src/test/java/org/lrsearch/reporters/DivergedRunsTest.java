package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;

/** A cell whose runs did not all finish says so, and its curve goes on while one seed remains. */
class DivergedRunsTest {
    @TempDir
    Path dir;

    /** The stub with H1's seed-1 run of batch 2, 1-shot diverged after its first curve point. */
    static ExperimentResults withADivergedSeed() {
        ExperimentResults base = StubResults.results("H1");
        List<RunResult> runs = new ArrayList<>();
        for (RunResult r : base.runs()) {
            var s = r.spec();
            if (s.strategy().equals("H1") && s.batchSize() == 2 && s.shots() == 1 && s.seed() == 1) {
                r = new RunResult(s, RunStatus.DIVERGED, "minibatch loss 50 at iteration 120", 120, r.testAccuracy(),
                        r.finalTrainLoss(), r.results(), r.forwardPasses(), r.backwardPasses(), r.wallMs(), r.evalMs(),
                        r.curve().subList(0, 1), r.events(), r.lrSegments(), r.scalars(), r.warnings());
            }
            runs.add(r);
        }
        return new ExperimentResults(base.info(), runs);
    }

    @Test
    void theCurveGoesOnWhileOneSeedRemainsWithItsBandOnlyWhereTwoDo() {
        ExperimentResults results = withADivergedSeed();
        List<RunResult> cell = results.runs().stream().filter(r -> r.spec().strategy().equals("H1")
                && r.spec().batchSize() == 2 && r.spec().shots() == 1).toList();
        Charts.Curve c = Figure2Section.curve("k=1", cell, 0);
        RunResult whole = cell.stream().filter(r -> r.status() == RunStatus.OK).findFirst().orElseThrow();
        RunResult cut = cell.stream().filter(r -> r.status() == RunStatus.DIVERGED).findFirst().orElseThrow();
        assertThat(c.mean()).hasSize(3);
        assertThat(c.mean()[0]).isEqualTo((whole.curve().get(0).testAccuracy() + cut.curve().get(0).testAccuracy()) / 2);
        assertThat(c.std()[0]).isPositive();
        assertThat(c.mean()[2]).isEqualTo(whole.curve().get(2).testAccuracy());
        assertThat(c.std()[2]).isZero();
    }

    @Test
    void aCellWhoseRunsDidNotAllFinishSaysHowManyDid() throws IOException {
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), withADivergedSeed(), dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).containsOnlyOnce("1 of 2 ok");
        HtmlCheck.assertValid(dir.resolve("report.html"));
    }
}
