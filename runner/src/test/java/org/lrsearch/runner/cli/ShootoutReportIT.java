package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strategy shootout, shortened, on the real MNIST files: its report has the results table laid
 * out by the grid, the ranking with Friedman and Holm, the accuracy-against-compute charts, and
 * summary.json the fields scripts read; headless Chromium renders it with every strategy named.
 */
class ShootoutReportIT {
    static final Path SHOOTOUT = Path.of("..", "experiments", "strategy-shootout.yaml");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> STRATEGIES = List.of("H1", "H2", "0.1", "0.01", "min-loss-train", "armijo", "sps",
            "hypergradient", "d-adaptation", "lr-range-test", "H1-cosine", "dog", "prodigy", "schedule-free");

    @TempDir
    Path dir;

    @Test
    void theShortenedShootoutReportsRanksFrontAndSummary() throws Exception {
        Path out = dir.resolve("shootout");
        Cli cli = Cli.run("run", SHOOTOUT.toString(), "training.iterations=300", "seeds=2", "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();

        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // 14 strategies (two pinned to their own optimizer) × batch 2, 8 × shots 1, 2, 5; blocks are the 6
        // settings × 2 seeds.
        assertThat(s.get("cells")).hasSize(84);
        assertThat(s.get("cells").get(0).get("coordinates").fieldNames()).toIterable()
                .containsExactly("strategy", "training.batchSize", "dataset.shots");
        assertThat(s.get("ranking")).hasSize(14);
        assertThat(s.get("friedman").get("blocks").asInt()).isEqualTo(12);
        assertThat(s.get("friedman").get("computable").asBoolean()).isTrue();
        assertThat(s.get("pairwise")).hasSize(13).allSatisfy(p -> assertThat(p.get("baseline").asText()).isEqualTo("H1"));
        // One verdict per pair: a pair in both sections has the same numbers in both.
        for (JsonNode p : s.get("pairwise")) {
            for (JsonNode q : s.get("pairedStatistics")) {
                if (q.get("method").equals(p.get("method")) && q.get("baseline").equals(p.get("baseline"))) {
                    assertThat(q).isEqualTo(p);
                }
            }
        }
        assertThat(s.get("compute")).hasSize(84).anySatisfy(c -> assertThat(c.get("paretoFront").asBoolean()).isTrue());
        // H2's search settles where H1's does on this grid: the same accuracy in every block.
        assertThat(s.get("identicalStrategies").toString()).contains("\"H1\",\"H2\"");

        String html = Files.readString(out.resolve("report.html"));
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(html).contains("<table class=\"results\">").doesNotContain("<table class=\"table1\">")
                .contains("id=\"ranking\"").contains("Friedman test").contains("Holm-adjusted p")
                .contains("<h2>Accuracy against compute</h2>");
        assertThat(html.split("data-chart=\"frontier\"", -1)).hasSize(1 + 6);
        assertThat(html).contains("<th class=\"setting\">H2 <span class=\"same\">= H1</span>");

        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI")).as("CI must install chromium (apt-get install chromium)").isNull();
            Assumptions.abort("Chromium not installed: browser check skipped");
        }
        String dom = dumpDom(out.resolve("report.html"));
        assertThat(Pattern.compile("<svg").matcher(dom).results().count()).as("charts in the rendered DOM")
                .isGreaterThanOrEqualTo(6 + 14);
        for (String strategy : STRATEGIES) {
            assertThat(dom).as(strategy).contains("<th class=\"setting\">" + strategy + "</th>");
        }
    }

    private String dumpDom(Path html) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--dump-dom", html.toUri().toString()));
        Path stdout = dir.resolve("dom.html");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
