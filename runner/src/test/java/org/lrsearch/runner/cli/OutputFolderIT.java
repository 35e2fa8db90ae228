package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any ordinary sequence of run, --resume and --force leaves a folder whose results are the plan's, and only lrsearch's files touched. */
class OutputFolderIT {
    @TempDir
    Path dir;

    Path config(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "extends: " + EndToEndIT.QUICK.toAbsolutePath().normalize() + "\n" + yaml);
        return p;
    }

    Path small() throws IOException {
        return config("small.yaml", "training: {iterations: 20, evalEvery: 10}\ngrid: {strategy: [\"0.1\"], dataset.shots: [1, 2]}\n");
    }

    static List<String> runIds(Path out) throws IOException {
        return Files.readAllLines(out.resolve("results.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void forceReplacesTheOldRunsAndLeavesForeignFilesAlone() throws IOException {
        Path out = dir.resolve("out");
        assertThat(Cli.run("run", small().toString(), "--out", out.toString()).exitCode).isZero();
        List<String> oldIds = runIds(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("traces").resolve("my-analysis.txt"), "mine too");

        Cli forced = Cli.run("run", small().toString(), "--out", out.toString(), "--force", "dataset.shots=3");
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        List<String> newIds = runIds(out);
        assertThat(newIds).hasSize(1).doesNotContainAnyElementsOf(oldIds);
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(out.resolve("traces").resolve("my-analysis.txt"))).isEqualTo("mine too");
        for (String id : oldIds) {
            assertThat(out.resolve("traces").resolve(id + ".jsonl")).doesNotExist();
        }
        assertThat(out.resolve("traces").resolve(newIds.get(0) + ".jsonl")).exists();
    }

    @Test
    void resumeAndForceTogetherIsAUsageError() throws IOException {
        Path out = dir.resolve("both");
        Cli cli = Cli.run("run", small().toString(), "--out", out.toString(), "--resume", "--force");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--resume and --force exclude each other");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAndWithForceUsedOnlyIfNothingWouldBeOverwritten() throws IOException {
        Path out = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(out.resolve("data.txt"), "keep");
        for (String flag : List.of("--resume", "")) {
            Cli refused = flag.isEmpty() ? Cli.run("run", small().toString(), "--out", out.toString())
                    : Cli.run("run", small().toString(), "--out", out.toString(), flag);
            assertThat(refused.exitCode).as(refused.toString()).isEqualTo(2);
            assertThat(refused.err).contains("is not empty and holds no lrsearch results");
            assertThat(listing(out)).containsExactly("data.txt");
        }

        Files.writeString(out.resolve("results.csv"), "someone else's");
        Cli clash = Cli.run("run", small().toString(), "--out", out.toString(), "--force");
        assertThat(clash.exitCode).isEqualTo(2);
        assertThat(clash.err).contains("would overwrite: results.csv");
        assertThat(Files.readString(out.resolve("results.csv"))).isEqualTo("someone else's");
        assertThat(listing(out)).containsExactly("data.txt", "results.csv");

        Files.delete(out.resolve("results.csv"));
        Cli beside = Cli.run("run", small().toString(), "--out", out.toString(), "--force");
        assertThat(beside.exitCode).as(beside.toString()).isZero();
        assertThat(Files.readString(out.resolve("data.txt"))).isEqualTo("keep");
        assertThat(runIds(out)).hasSize(2);
    }

    @Test
    void resumeRefusesAChangedPlanAndSaysWhatDiffers() throws IOException {
        Path out = dir.resolve("changed");
        assertThat(Cli.run("run", small().toString(), "--out", out.toString()).exitCode).isZero();
        String before = Files.readString(out.resolve("results.csv"));
        Cli cli = Cli.run("run", small().toString(), "--out", out.toString(), "--resume", "training.iterations=30");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("holds another experiment than this config plans")
                .contains("training.iterations: 20 -> 30").contains("--force").doesNotContain("\tat ");
        assertThat(Files.readString(out.resolve("results.csv"))).isEqualTo(before);
    }

    @Test
    void aFolderHoldingOnlyWhatAStartWritesBeforeItsStoreIsNotForeign() throws IOException {
        // What a start killed before its store existed leaves: the log, a half-written file.
        for (boolean resume : new boolean[] {false, true}) {
            Path out = Files.createDirectories(dir.resolve("early-" + resume));
            Files.writeString(out.resolve("run.log"), "started\n");
            Files.writeString(out.resolve("results.csv.part"), "run_id,");
            Cli cli = resume ? Cli.run("run", small().toString(), "--out", out.toString(), "--resume")
                    : Cli.run("run", small().toString(), "--out", out.toString());
            assertThat(cli.exitCode).as(cli.toString()).isZero();
            assertThat(runIds(out)).hasSize(2);
        }
    }

    @Test
    void anotherPlanWithoutResumeSaysAtOnceThatThePlanDiffersAndWhat() throws IOException {
        Path out = dir.resolve("other");
        assertThat(Cli.run("run", small().toString(), "--out", out.toString()).exitCode).isZero();
        Cli cli = Cli.run("run", small().toString(), "--out", out.toString(), "training.iterations=30");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("holds another experiment than this config plans")
                .contains("training.iterations: 20 -> 30").doesNotContain("add --resume");
    }

    @Test
    void aDefaultNewlyFilledInIsNamedWhenThePlanDiffers() throws Exception {
        Path out = dir.resolve("defaults");
        assertThat(Cli.run("run", small().toString(), "--out", out.toString()).exitCode).isZero();
        // As if the store had been written when the model's default initial weight spread was another: the
        // runs differ, the config does not.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + out.resolve("results.db"))) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(read(c, "plan"));
            node.put("fingerprint", "0");
            var defaults = (com.fasterxml.jackson.databind.node.ObjectNode) node.get("defaults");
            assertThat(defaults.get("model.options.initStd").asText()).isEqualTo("0.01");
            defaults.put("model.options.initStd", "0.02");
            try (var p = c.prepareStatement("UPDATE meta SET value = ? WHERE key = 'plan'")) {
                p.setString(1, node.toString());
                p.executeUpdate();
            }
        }
        Cli cli = Cli.run("run", small().toString(), "--out", out.toString(), "--resume");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("model.options.initStd (a default): 0.02 -> 0.01");
    }

    private static String read(java.sql.Connection c, String key) throws java.sql.SQLException {
        try (var p = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (var r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    @Test
    void resumeFinishesOnlyThePlansRunsAndAcceptsAnEquivalentConfig() throws IOException {
        Path out = dir.resolve("same");
        Path bare = config("bare.yaml", """
                training: {iterations: 20, evalEvery: 10}
                strategies: {s: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1]}}
                grid: {strategy: [s], dataset.shots: [1]}
                """);
        Path spelled = config("spelled.yaml", """
                training: {iterations: 20, evalEvery: 10}
                strategies: {s: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], then: {plugin: k-min-loss}}}
                grid: {strategy: [s], dataset.shots: [1, 2]}
                """);
        assertThat(Cli.run("run", bare.toString(), "--out", out.toString()).exitCode).isZero();
        List<String> first = runIds(out);
        // The same runs planned from an equivalent spec and a grid that is then narrowed on the command line.
        Cli resumed = Cli.run("run", spelled.toString(), "--out", out.toString(), "--resume", "grid.dataset.shots=[1]");
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        assertThat(resumed.out).contains("1 run (1 resumed from before)");
        assertThat(runIds(out)).isEqualTo(first);
    }

    @Test
    void reportFilesAreReplacedWholeNeverLeftHalfWritten() throws IOException {
        Path out = dir.resolve("atomic");
        assertThat(Cli.run("run", small().toString(), "--out", out.toString()).exitCode).isZero();
        assertThat(listing(out)).noneMatch(f -> f.endsWith(".part"));
        assertThat(listing(out)).contains("results.csv", "curves.csv", "summary.json", "provenance.json", "report.html");
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
    }
}
