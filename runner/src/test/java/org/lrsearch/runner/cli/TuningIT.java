package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tuned study end to end: tuning runs on tuning seeds chosen by validation accuracy, the winner's
 * evaluation runs, the Tuning section; no choice reads the test set; a study resumed in the middle of its
 * tuning ends with the numbers of an uninterrupted one.
 */
class TuningIT {
    static final Path BASE = Path.of("..", "experiments", "paper-base.yaml").toAbsolutePath().normalize();
    static final double[] RATES = {0.01, 0.1, 1.0};

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path p = dir.resolve("tuned-" + System.nanoTime() + ".yaml");
        Files.writeString(p, "extends: " + BASE + "\n" + yaml);
        return p;
    }

    private static final String GRID_STUDY = """
            dataset: {shots: 2, selection: random, validation: 10}
            training: {iterations: 100, evalEvery: 50}
            strategies: {fixed: {plugin: fixed, lr: 0.1}}
            grid: {strategy: [fixed], training.batchSize: [2, 8]}
            seeds: 2
            tuning: {budget: 3, sampler: grid, seeds: 2, space: {fixed: {lr: {grid: [0.01, 0.1, 1.0]}}}}
            reporters: [csv, json, html]
            """;

    @Test
    void theGridSamplersChoiceIsTheRateWithTheBestMeanValidationAccuracyAndTheEvaluationRunsUseIt() throws Exception {
        Path out = dir.resolve("out");
        Cli run = Cli.run("run", config(GRID_STUDY).toString(), "--out", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        List<Map<String, String>> rows = ResultsCsv.rows(out.resolve("results.csv"));
        // 2 settings × 3 candidates × 2 tuning seeds, then 2 settings × 2 evaluation seeds.
        assertThat(rows).hasSize(16);
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (r.get("phase").equals("tuning")) {
                assertThat(r.get("seed")).isIn("2", "3");
                double[] s = sums.computeIfAbsent(r.get("batch_size") + "/" + r.get("trial"), k -> new double[2]);
                s[0] += Double.parseDouble(r.get("validation_accuracy"));
                s[1]++;
            } else {
                assertThat(r.get("phase")).isEqualTo("evaluation");
                assertThat(r.get("seed")).isIn("0", "1");
            }
        }
        JsonNode tuning = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("tuning");
        assertThat(tuning).hasSize(2);
        for (JsonNode g : tuning) {
            String batch = g.get("coordinates").get("training.batchSize").asText();
            int best = 0;
            for (int t = 1; t < RATES.length; t++) {
                if (mean(sums.get(batch + "/" + t)) > mean(sums.get(batch + "/" + best))) {
                    best = t;
                }
            }
            assertThat(g.get("winner").get("options").get("lr").asDouble()).as("batch " + batch).isEqualTo(RATES[best]);
            // The evaluation runs of the setting train at the winning rate.
            for (Map<String, String> r : rows) {
                if (r.get("phase").equals("evaluation") && r.get("batch_size").equals(batch)) {
                    String trace = Files.readString(out.resolve("traces/" + r.get("run_id") + ".jsonl"));
                    assertThat(trace).contains("\"type\":\"lr\"").contains("\"lr\":" + RATES[best]);
                }
            }
        }
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("<h2>Tuning</h2>").contains("data-chart=\"tuning\"");
    }

    private static double mean(double[] s) {
        return s[0] / s[1];
    }

    @Test
    void resumedInTheMiddleOfItsTuningAStudyEndsWithTheNumbersOfAnUninterruptedOne() throws Exception {
        Path cfg = config(GRID_STUDY.replace("reporters: [csv, json, html]", "reporters: [csv]"));
        Path out = dir.resolve("whole");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString()).exitCode).isZero();
        List<String> expected = ResultsCsv.withoutTimings(out.resolve("results.csv"));
        // Every evaluation run and half the tuning runs lost, as a kill during tuning leaves the store.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("results.db"));
             Statement s = c.createStatement()) {
            s.execute("DELETE FROM runs WHERE json_extract(spec, '$.coordinates.phase') = 'evaluation'"
                    + " OR (json_extract(spec, '$.coordinates.trial') >= 1 AND json_extract(spec, '$.seed') = 3)");
        }
        assertThat(committed(out)).isEqualTo(8);
        Cli resumed = Cli.run("run", cfg.toString(), "--out", out.toString(), "--resume");
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        assertThat(ResultsCsv.withoutTimings(out.resolve("results.csv"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static int committed(Path out) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("results.db"));
             var r = c.createStatement().executeQuery("SELECT count(*) FROM runs")) {
            return r.next() ? r.getInt(1) : -1;
        }
    }

    /** A small CSV task (10 classes, 8 features) with the given test rows. */
    private Path csv(String name, int rows, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("label,f0,f1,f2,f3,f4,f5,f6,f7\n");
        for (int i = 0; i < rows; i++) {
            int label = i % 10;
            b.append(label);
            for (int f = 0; f < 8; f++) {
                b.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", (f == label % 8 ? 1.0 : 0.0)
                        + 0.8 * rng.nextGaussian()));
            }
            b.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString());
        return p;
    }

    @Test
    void changingTheTestImagesChangesNoTuningChoice() throws Exception {
        Path train = csv("train.csv", 300, 1);
        JsonNode[] tuning = new JsonNode[2];
        String[] accuracies = new String[2];
        for (int i = 0; i < 2; i++) {
            Path test = csv("test" + i + ".csv", 200, 10 + i);
            Path cfg = config("""
                    dataset: {plugin: csv, train: %s, test: %s, shots: 2, selection: random, validation: 5}
                    model: {hidden: 10}
                    training: {iterations: 60, evalEvery: 30}
                    strategies: {fixed: {plugin: fixed, lr: 0.1}}
                    grid: {strategy: [fixed]}
                    seeds: 2
                    tuning: {budget: 4, sampler: sobol, seeds: 2, space: {fixed: {lr: {log: [0.01, 3]}}}}
                    reporters: [csv, json]
                    """.formatted(train, test));
            Path out = dir.resolve("csv" + i);
            Cli run = Cli.run("run", cfg.toString(), "--out", out.toString());
            assertThat(run.exitCode).as(run.toString()).isZero();
            tuning[i] = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("tuning");
            accuracies[i] = ResultsCsv.rows(out.resolve("results.csv")).stream().map(r -> r.get("test_accuracy")).toList()
                    .toString();
        }
        assertThat(accuracies[1]).as("the test sets differ").isNotEqualTo(accuracies[0]);
        assertThat(tuning[1]).isEqualTo(tuning[0]);
        assertThat(tuning[0].get(0).get("winner").isNull()).isFalse();
    }
}
