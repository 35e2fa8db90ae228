package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;

/** A grid without Table 1's shape gets a table laid out by its own swept keys. */
class ResultsTableTest {
    /** The stub runs as a model without a hidden size would give them, no reference table, optional report.columns. */
    static ExperimentResults withoutPaperShape(String columns) {
        ExperimentResults base = StubResults.results("H1");
        List<RunResult> runs = new ArrayList<>();
        for (RunResult r : base.runs()) {
            RunSpec s = r.spec();
            Map<String, Object> coordinates = new LinkedHashMap<>(s.coordinates());
            coordinates.remove("model.hidden");
            RunSpec spec = new RunSpec(s.runId(), s.dataset(), "mlp", s.batchSize(), s.shots(), s.selection(), s.strategy(),
                    s.strategyPlugin(), s.seed(), s.iterations(), s.evalEvery(), coordinates, s.swept());
            runs.add(new RunResult(spec, r.status(), r.message(), r.stoppedAt(), r.testAccuracy(), r.finalTrainLoss(),
                    r.results(), r.forwardPasses(), r.backwardPasses(), r.wallMs(), r.evalMs(), r.curve(), r.events(),
                    r.lrSegments(), r.scalars(), r.warnings()));
        }
        ExperimentInfo i = base.info();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "no reference");
        if (columns != null) {
            report.put("columns", columns);
        }
        ExperimentInfo info = new ExperimentInfo(i.name(), i.configFile(), i.resolvedConfig(), i.strategies(), report,
                i.plugins(), i.seeds(), i.started(), i.finished(), i.environment());
        return new ExperimentResults(info, runs);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> t) {
        return (List<Map<String, Object>>) t.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> row, int column) {
        return ((List<Map<String, Object>>) row.get("cells")).get(column);
    }

    @Test
    void shotsAreTheColumnsAndTheOtherSweptKeysTheRowsStrategyFirst() {
        ExperimentResults results = withoutPaperShape(null);
        Map<String, Object> t = ResultsTable.build(results);
        assertThat(t.get("present")).isEqualTo(true);
        assertThat(t.get("columnKey")).isEqualTo("dataset.shots");
        assertThat(t.get("columns")).isEqualTo(List.of("1", "2"));
        assertThat(t.get("rowKeys")).isEqualTo(List.of("strategy", "training.batchSize"));
        assertThat(rows(t)).extracting(r -> r.get("labels"))
                .containsExactly(List.of("0.1", "2"), List.of("0.1", "4"), List.of("H1", "2"), List.of("H1", "4"));
        // Each cell pools exactly the two seeds of its setting.
        double sum = 0;
        for (RunResult r : results.runs()) {
            if (r.spec().strategy().equals("H1") && r.spec().batchSize() == 4 && r.spec().shots() == 2) {
                sum += r.testAccuracy();
            }
        }
        Map<String, Object> c = cell(rows(t).get(3), 1);
        assertThat(c.get("mean")).isEqualTo(NumberText.fixed(sum / 2, 4));
        assertThat(c.get("n")).isEqualTo("2");
    }

    @Test
    void exactlyTheBestMeanOfEachColumnIsMarked() {
        Map<String, Object> t = ResultsTable.build(withoutPaperShape(null));
        for (int col = 0; col < 2; col++) {
            int c = col;
            double best = rows(t).stream().mapToDouble(r -> Double.parseDouble((String) cell(r, c).get("mean"))).max().orElseThrow();
            assertThat(rows(t).stream().filter(r -> (Boolean) cell(r, c).get("best")))
                    .allSatisfy(r -> assertThat(Double.parseDouble((String) cell(r, c).get("mean"))).isEqualTo(best))
                    .isNotEmpty();
        }
    }

    @Test
    void reportColumnsChoosesTheColumnKey() {
        Map<String, Object> t = ResultsTable.build(withoutPaperShape("training.batchSize"));
        assertThat(t.get("columnKey")).isEqualTo("training.batchSize");
        assertThat(t.get("columns")).isEqualTo(List.of("2", "4"));
        assertThat(t.get("rowKeys")).isEqualTo(List.of("strategy", "dataset.shots"));
    }

    @Test
    void thePapersShapeKeepsTable1() {
        assertThat(ResultsTable.build(StubResults.results("H1")).get("present")).isEqualTo(false);
    }

    @Test
    void theHtmlReportShowsTheResultsTableInsteadOfTable1(@TempDir Path dir) throws Exception {
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), withoutPaperShape(null), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<table class=\"results\">").contains("<h2>Results: test accuracy</h2>")
                .doesNotContain("<h2>Table 1: test accuracy</h2>");
        // Not the paper's grid: its curves are not the paper's figure.
        assertThat(html).contains("<h2>Test accuracy during training</h2>").doesNotContain("Figure 2");
    }
}
