package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;

/** Runs that differ in any swept key are never one cell, nor one pair: only seeds are pooled. */
class NoPoolingTest {
    @TempDir
    Path dir;

    /** The stub experiment run twice, once more with {@code dataset.selection: random} swept and 0.1 lower accuracy. */
    static ExperimentResults withSelectionSwept() {
        ExperimentResults base = StubResults.results("H1");
        List<RunResult> runs = new ArrayList<>();
        for (String selection : List.of("first", "random")) {
            for (RunResult r : base.runs()) {
                RunSpec s = r.spec();
                Map<String, Object> coordinates = new LinkedHashMap<>(s.coordinates());
                coordinates.put("dataset.selection", selection);
                List<String> swept = new ArrayList<>(s.swept());
                swept.add("dataset.selection");
                RunSpec spec = new RunSpec(s.runId() + selection.charAt(0), s.dataset(), s.model(), s.batchSize(),
                        s.shots(), selection, s.strategy(), s.strategyPlugin(), s.seed(), s.iterations(), s.evalEvery(),
                        coordinates, swept);
                double acc = r.testAccuracy() - (selection.equals("random") ? 0.1 : 0);
                runs.add(new RunResult(spec, r.status(), r.message(), r.stoppedAt(), acc, r.finalTrainLoss(), r.results(),
                        r.forwardPasses(), r.backwardPasses(), r.wallMs(), r.evalMs(), r.curve(), r.events(),
                        r.lrSegments(), r.scalars(), r.warnings()));
            }
        }
        return new ExperimentResults(base.info(), runs);
    }

    @Test
    void cellsKeepEveryOtherSweptKeyApart() {
        ResultCells cells = new ResultCells(withSelectionSwept());
        assertThat(cells.others()).containsExactly("dataset.selection=first", "dataset.selection=random");
        assertThat(cells.rows()).hasSize(8);
        SummaryStatistics first = cells.accuracy(new ResultCells.Key(2, "0.1", 20, 1, "dataset.selection=first"));
        SummaryStatistics random = cells.accuracy(new ResultCells.Key(2, "0.1", 20, 1, "dataset.selection=random"));
        assertThat(first.getN()).isEqualTo(2);
        assertThat(random.getN()).isEqualTo(2);
        assertThat(first.getMean() - random.getMean()).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void table1ShowsTheOtherSweptKeysAsARowLabel() throws IOException {
        String html = HtmlReporter.renderTable1(withSelectionSwept());
        assertThat(html).contains("<th>other swept keys</th>").contains("<td class=\"others\">dataset.selection=random</td>");
        new JsonReporter().report(OptionDefaults.create(JsonOptions.class), withSelectionSwept(), dir);
        String summary = Files.readString(dir.resolve("summary.json"));
        assertThat(summary).contains("\"coordinates\" : {\n      \"dataset.selection\" : \"random\"");
    }

    @Test
    void pairsMatchOnEverySweptKeyAndTheSeed() {
        PairedStats p = PairedStats.compare(withSelectionSwept(), "H1", "0.1");
        assertThat(p.pairs()).isEqualTo(16);
        PairedStats alone = PairedStats.compare(StubResults.results("H1"), "H1", "0.1");
        // The same differences twice over: pairing never crossed selections (that would add ±0.1 to half of them).
        assertThat(p.meanDiff()).isCloseTo(alone.meanDiff(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aDuplicatePairIsAnErrorNotAnOverwrite() {
        ExperimentResults base = StubResults.results("H1");
        List<RunResult> runs = new ArrayList<>(base.runs());
        RunResult twin = runs.stream().filter(r -> r.spec().strategy().equals("0.1")).findFirst().orElseThrow();
        RunSpec s = twin.spec();
        runs.add(new RunResult(new RunSpec("twin", s.dataset(), s.model(), s.batchSize(), s.shots(), s.selection(),
                s.strategy(), s.strategyPlugin(), s.seed(), s.iterations(), s.evalEvery(), s.coordinates(), s.swept()),
                twin.status(), "", twin.stoppedAt(), 0.1, 0, twin.results(), 0, 0, 0, 0, List.of(), List.of(), List.of(),
                List.of(), List.of()));
        assertThatThrownBy(() -> PairedStats.compare(new ExperimentResults(base.info(), runs), "H1", "0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the pairing key");
    }
}
