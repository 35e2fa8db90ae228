package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.OptionDefaults;

class HtmlReportTest {
    @TempDir
    Path dir;

    String render(String label) throws IOException {
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), StubResults.results(label), dir);
        if (label.contains("<")) {
            // A hostile label shows as text, so only the checker applies.
            assertThat(HtmlCheck.errors(dir.resolve("report.html"))).isEmpty();
        } else {
            HtmlCheck.assertValid(dir.resolve("report.html"));
        }
        return Files.readString(dir.resolve("report.html"));
    }

    @Test
    void escapesEveryTextFromConfig() throws IOException {
        String html = render("<b>x</b>");
        assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
    }

    @Test
    void isSelfContainedWithNothingFromTheNetwork() throws IOException {
        String html = render("H1");
        Matcher m = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html);
        assertThat(m.find()).as("a src/href to the network").isFalse();
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import");
        assertThat(html).contains("<style>");
    }

    @Test
    void showsEverySectionWithTheReferenceAndStatistics() throws IOException {
        String html = render("H1");
        assertThat(html).contains("id=\"table1\"", "id=\"figure2\"", "id=\"traces\"", "id=\"stats\"", "id=\"compute\"",
                "id=\"provenance\"", "id=\"frontier\"");
        assertThat(html).contains("paper 0.5221").contains("mean |Δ|");
        // Figure 2 panels (one per setting and batch size: 4) + one LR trace per setting (2; the stub records
        // no scalars) + one accuracy-against-compute panel per batch size and shots (4) + the critical-difference chart.
        assertThat(Pattern.compile("<svg").matcher(html).results().count()).isEqualTo(11);
        assertThat(html).contains("<span class=\"key\"><span style=\"color: #0072B2\">━</span> 1-shot (k=1)</span>");
        assertThat(html).contains("data-chart=\"critical-difference\"").contains("CD = ");
        assertThat(html).contains("Wilcoxon p").contains("5% level");
        assertThat(html).contains("stepSmallest").contains("δ per searcher run");
        // The stub's 8 searcher runs all reach δ = 0.1 after one shrink in 2 iterations: one row of 8 runs.
        assertThat(html).contains("<tr><td>H1</td><td>0.1</td><td>1</td><td>2</td><td><details><summary>8</summary>");
    }

    @Test
    void aSearchThatGaveUpAfterMaxShrinksIsNotShownAsABound() throws IOException {
        var stub = StubResults.results("H1");
        List<org.lrsearch.api.RunResult> runs = new java.util.ArrayList<>(stub.runs());
        for (int i = 0; i < runs.size(); i++) {
            var r = runs.get(i);
            if (r.spec().runId().equals("m210")) {
                runs.set(i, new org.lrsearch.api.RunResult(r.spec(), r.status(), r.message(), r.stoppedAt(), r.testAccuracy(),
                        r.finalTrainLoss(), Map.of("delta", 0.0001), r.forwardPasses(), r.backwardPasses(), r.wallMs(),
                        r.evalMs(), r.curve(), List.of(StubResults.round(0, "shrink", new double[] {0.01, 0.1, 1},
                        new double[] {24, 24, 24}, Double.NaN), StubResults.round(0, "giveUp", new double[] {0.0001, 0.001, 0.01},
                        new double[0], 0.0001)), r.lrSegments(), r.scalars(), r.warnings(), r.validationAccuracy()));
            }
        }
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class),
                new org.lrsearch.api.ExperimentResults(stub.info(), runs), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<tr><td>H1</td><td>0.0001 (gave up after maxShrinks: not a bound)</td>")
                .contains("<tr><td>H1</td><td>0.1</td><td>1</td><td>2</td><td><details><summary>7</summary>");
    }

    @Test
    void templatesFromAConfiguredFolderTakePrecedence() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("report.ftlh"), "<html><body>custom ${name}</body></html>");
        var results = StubResults.results("H1");
        var report = new java.util.LinkedHashMap<>(results.info().report());
        report.put("templates", templates.toString());
        var info = results.info();
        var custom = new org.lrsearch.api.ExperimentResults(new org.lrsearch.api.ExperimentInfo(info.name(), info.configFile(),
                info.resolvedConfig(), info.strategies(), report, info.plugins(), info.seeds(), info.started(),
                info.finished(), info.environment()), results.runs());
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), custom, dir);
        assertThat(Files.readString(dir.resolve("report.html"))).isEqualTo("<html><body>custom stub</body></html>");
    }
}
