package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

        assertProfilesReproduceFromTheCsvFiles(out, s);

        String html = Files.readString(out.resolve("report.html"));
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(html).contains("<table class=\"results\">").doesNotContain("<table class=\"table1\">")
                .contains("id=\"ranking\"").contains("Friedman test").contains("Holm-adjusted p")
                .contains("<h2>Accuracy against compute</h2>").contains("<h2>Performance profiles</h2>");
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

    /** The fair shootout, shortened: every strategy tuned, the Tuning and Performance profiles sections in a browser. */
    @Test
    void theShortenedFairShootoutShowsItsTuningAndProfilesInTheBrowser() throws Exception {
        Path out = dir.resolve("fair");
        Cli cli = Cli.run("run", SHOOTOUT.resolveSibling("fair-shootout.yaml").toString(), "training.iterations=100",
                "training.evalEvery=50", "seeds=2", "tuning.budget=2", "tuning.seeds=1", "dataset.validation=10",
                "grid.dataset.shots=[1]", "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        // 12 tuned strategies × batch 2 and 8.
        assertThat(s.get("tuning")).hasSize(24).allSatisfy(g -> assertThat(g.get("trials")).hasSize(2));
        assertThat(s.get("ranking").toString()).contains("H1 (default)").contains("0.01");
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Tuning</h2>")
                .contains("<h2>Performance profiles</h2>");
        if (!Files.isExecutable(CHROMIUM)) {
            assertThat(System.getenv("CI")).as("CI must install chromium (apt-get install chromium)").isNull();
            Assumptions.abort("Chromium not installed: browser check skipped");
        }
        String dom = dumpDom(out.resolve("report.html"));
        assertThat(dom).contains("id=\"tuning\"").contains("id=\"profiles\"");
        assertThat(Pattern.compile("data-chart=\"tuning\"").matcher(dom).results().count()).isGreaterThanOrEqualTo(12);
    }

    /**
     * The profile scores of summary.json recomputed from results.csv and curves.csv alone, as docs/USER-GUIDE.md
     * states them: per setting (batch, shots) the target is 0.95 × the best strategy's mean final accuracy, a
     * run's cost the passes at its first curve point at or above it, a strategy's cost the median over seeds.
     */
    private static void assertProfilesReproduceFromTheCsvFiles(Path out, JsonNode summary) throws IOException {
        List<Map<String, String>> results = ResultsCsv.rows(out.resolve("results.csv"));
        Map<String, List<String[]>> curves = new java.util.HashMap<>();
        for (Map<String, String> c : ResultsCsv.rows(out.resolve("curves.csv"))) {
            curves.computeIfAbsent(c.get("run_id"), k -> new ArrayList<>())
                    .add(new String[] {c.get("iteration"), c.get("test_accuracy"), c.get("passes")});
        }
        Map<String, Map<String, List<Map<String, String>>>> bySetting = new java.util.LinkedHashMap<>();
        for (Map<String, String> r : results) {
            bySetting.computeIfAbsent(r.get("batch_size") + "/" + r.get("shots"), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(r.get("strategy"), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Double>> costs = new java.util.LinkedHashMap<>();
        for (var setting : bySetting.values()) {
            double best = setting.values().stream().mapToDouble(runs -> runs.stream()
                    .filter(r -> !r.get("status").equals("failed") && !r.get("test_accuracy").isEmpty())
                    .mapToDouble(r -> Double.parseDouble(r.get("test_accuracy"))).average().orElse(-1)).max().orElseThrow();
            double target = 0.95 * best;
            setting.forEach((strategy, runs) -> {
                double[] c = runs.stream().mapToDouble(r -> curves.getOrDefault(r.get("run_id"), List.of()).stream()
                        .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p[0])))
                        .filter(p -> Double.parseDouble(p[1]) >= target).mapToDouble(p -> Double.parseDouble(p[2]))
                        .findFirst().orElse(Double.POSITIVE_INFINITY)).sorted().toArray();
                double median = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
                costs.computeIfAbsent(strategy, k -> new ArrayList<>()).add(median);
            });
        }
        int settings = bySetting.size();
        JsonNode score = summary.get("performanceProfile").get("score");
        for (String strategy : costs.keySet()) {
            double sum = 0;
            int kept = 0;
            for (int w = 0; w < settings; w++) {
                int fw = w;
                double min = costs.values().stream().mapToDouble(l -> l.get(fw)).min().orElseThrow();
                if (Double.isInfinite(min)) {
                    continue;
                }
                kept++;
                sum += Math.max(0, 4 - costs.get(strategy).get(w) / min) / 3;
            }
            assertThat(score.get(strategy).asDouble()).as(strategy).isCloseTo(sum / kept, within(1e-12));
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
