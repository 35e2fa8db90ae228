package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.OptionDefaults;

/** Accuracy against compute: per setting, the strategies no other beats on both passes and accuracy. */
class ComputeFrontTest {
    @TempDir
    Path dir;

    private static ComputeFront.Point point(String strategy, double passes, double... accuracies) {
        return diverged(0, strategy, passes, accuracies);
    }

    private static ComputeFront.Point diverged(int diverged, String strategy, double passes, double... accuracies) {
        SummaryStatistics s = new SummaryStatistics();
        DoubleStream.of(accuracies).forEach(s::addValue);
        return new ComputeFront.Point(strategy, passes, s, false, diverged, Math.max(1, accuracies.length));
    }

    @Test
    void aPointIsOnTheFrontUnlessAnotherHasAsFewPassesAndAHigherAccuracy() {
        List<ComputeFront.Point> front = ComputeFront.front(List.of(
                point("cheap", 100, 0.5),
                point("dear-and-better", 1000, 0.7),
                point("dear-and-worse", 1000, 0.4),   // dominated by cheap
                point("same-as-cheap", 100, 0.5),     // a tie: neither beats the other
                point("slightly-dearer", 120, 0.5),   // same accuracy, more passes: dominated
                point("failed", 50)));                // no finished run: never on the front
        assertThat(front).extracting(ComputeFront.Point::onFront)
                .containsExactly(true, true, false, true, false, false);
    }

    @Test
    void aStrategyWithADivergedRunIsOffTheFrontAndBeatsNoOne() {
        List<ComputeFront.Point> front = ComputeFront.front(List.of(
                diverged(1, "stopped-early", 40, 0.6, 0.62),  // cheap and accurate only because a run stopped
                point("honest", 100, 0.5)));
        assertThat(front).extracting(ComputeFront.Point::onFront).containsExactly(false, true);
    }

    @Test
    void settingsAreNeverPooled() {
        // The stub: batch 2 and 4 × shots 1 and 2 = 4 settings, 2 strategies each.
        List<ComputeFront.Setting> settings = ComputeFront.of(StubResults.results("H1"));
        assertThat(settings).extracting(ComputeFront.Setting::label).containsExactly(
                "training.batchSize=2, dataset.shots=1", "training.batchSize=2, dataset.shots=2",
                "training.batchSize=4, dataset.shots=1", "training.batchSize=4, dataset.shots=2");
        assertThat(settings).allSatisfy(s -> {
            assertThat(s.points()).hasSize(2);
            assertThat(s.points()).allSatisfy(p -> assertThat(p.accuracy().getN()).isEqualTo(2));
        });
        // 0.1 spends 600 passes per run, the searcher 1,218.
        assertThat(settings.get(0).points()).extracting(ComputeFront.Point::passes).containsExactly(600.0, 1218.0);
    }

    @Test
    void theReportDrawsAPanelPerSettingAndSummaryJsonMarksTheFront() throws IOException {
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), StubResults.results("H1"), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Accuracy against compute</h2>");
        assertThat(html.split("data-chart=\"frontier\"", -1)).hasSize(5);
        new JsonReporter().report(OptionDefaults.create(JsonOptions.class,
                Map.of("traces", false)), StubResults.results("H1"), dir);
        JsonNode compute = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("compute");
        assertThat(compute).hasSize(8);
        // In every setting the cheaper fixed rate is on the front.
        for (JsonNode c : compute) {
            if (c.get("coordinates").get("strategy").asText().equals("0.1")) {
                assertThat(c.get("paretoFront").asBoolean()).isTrue();
            }
        }
    }
}
