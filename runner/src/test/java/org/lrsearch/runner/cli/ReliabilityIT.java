package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.runner.store.ResultsStore;

/** Faults while running: divergence, a throwing plugin, kill -9 and Ctrl-C, existing output, hostile labels. */
class ReliabilityIT {
    @TempDir
    Path dir;

    Path config(String yaml) throws IOException {
        Path p = dir.resolve("exp-" + System.nanoTime() + ".yaml");
        Files.writeString(p, "extends: " + EndToEndIT.QUICK.toAbsolutePath().normalize() + "\n" + yaml);
        return p;
    }

    @Test
    void divergedRunIsRecordedAndTheOthersGoOn() throws IOException {
        // With a rate of 1e6 the guarded loss stays finite (about 11-14 against 2.3 at the start):
        // only the loss-growth rule catches it.
        Path cfg = config("""
                training: {iterations: 200, evalEvery: 100}
                strategies: {huge: {plugin: fixed, lr: 1.0e6}, sane: {plugin: fixed, lr: 0.1}}
                grid: {strategy: [huge, sane], dataset.shots: [1]}
                """);
        Path out = dir.resolve("div");
        Cli cli = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows.get(1)).contains(",huge,fixed,").contains(",diverged,").contains("exceeds 4.0 x the initial loss");
        assertThat(rows.get(2)).contains(",sane,fixed,").contains(",ok,200,");
        assertThat(Files.readString(out.resolve("report.html"))).contains("status-diverged");
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        // Resumed with nothing left to do, the counts are still the folder's: one run diverged.
        Cli again = Cli.run("run", cfg.toString(), "--out", out.toString(), "--resume");
        assertThat(again.out).contains("2 runs (2 resumed from before), 0 failed, 1 diverged.");
    }

    @Test
    void failingPluginIsRecordedEverythingElseWrittenAndExitIsNonZero() throws IOException {
        Path cfg = config("""
                training: {iterations: 50, evalEvery: 25}
                strategies: {bad: {plugin: test-throws, at: 7}, good: {plugin: fixed, lr: 0.1}}
                grid: {strategy: [bad, good], dataset.shots: [1]}
                """);
        Path out = dir.resolve("fail");
        Cli cli = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(1);
        assertThat(cli.out).contains("1 failed");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows.get(1)).contains(",bad,test-throws,").contains(",failed,")
                .contains("test plugin failing on purpose at iteration 7");
        assertThat(rows.get(2)).contains(",good,fixed,").contains(",ok,");
        assertThat(out.resolve("report.html")).exists();
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(cli.err).doesNotContain("\tat ");
    }

    @Test
    void existingOutputIsRefusedWithoutResumeOrForce() throws IOException {
        Path cfg = config("training: {iterations: 20, evalEvery: 10}\ngrid: {strategy: [\"0.1\"], dataset.shots: [1]}\n");
        Path out = dir.resolve("again");
        assertThat(Cli.run("run", cfg.toString(), "--out", out.toString()).exitCode).isZero();
        Cli second = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(second.exitCode).isEqualTo(2);
        assertThat(second.err).contains("already holds 1 of the 1 runs of this experiment").contains("--resume").contains("--force");
        List<String> before = Files.readAllLines(out.resolve("results.csv"));
        Cli forced = Cli.run("run", cfg.toString(), "--out", out.toString(), "--force", "training.iterations=30");
        assertThat(forced.exitCode).as(forced.toString()).isZero();
        List<String> after = Files.readAllLines(out.resolve("results.csv"));
        // The old run is gone, not kept beside the new one.
        assertThat(after).hasSize(2);
        assertThat(after.get(1).split(",")[0]).isNotEqualTo(before.get(1).split(",")[0]);
        Cli resumed = Cli.run("run", cfg.toString(), "--out", out.toString(), "--resume", "training.iterations=30");
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        assertThat(resumed.out).contains("1 run (1 resumed from before)");
    }

    @Test
    void hostileLabelsNeverLeaveTheOutputFolder() throws IOException {
        Path cfg = config("""
                training: {iterations: 20, evalEvery: 10}
                strategies: {"../../escape": {plugin: fixed, lr: 0.1}, "<script>alert(1)</script>": {plugin: fixed, lr: 0.01}}
                grid: {dataset.shots: [1]}
                """);
        Path out = dir.resolve("nest").resolve("out");
        Cli cli = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .allMatch(p -> p.startsWith("nest/out/") || p.startsWith("exp-"));
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(org.lrsearch.reporters.HtmlCheck.errors(out.resolve("report.html"))).isEmpty();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    /**
     * The same experiment run in a child JVM: killed with SIGKILL at several points, then resumed; on plain
     * SGD, and on Adam, whose state (moments, step count) lives only in the running JVM: a run is committed
     * whole or not at all, so a run killed halfway is trained again from its start.
     */
    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"sgd", "adam"})
    void killedExperimentResumesToIdenticalResults(String optimizer) throws Exception {
        Path cfg = config("""
                training: {iterations: %d, evalEvery: 2000}
                grid: {strategy: ["0.1", H1], dataset.shots: [1, 2, 3, 4, 5]}
                reporters: [csv]
                %s""".formatted(optimizer.equals("sgd") ? 6000 : 3000, optimizer.equals("sgd") ? ""
                : "optimizers: {adam: {plugin: adam}}\noptimizer: adam\n"));
        Path reference = dir.resolve("uninterrupted");
        Process uninterrupted = child(cfg, reference, false);
        assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(uninterrupted.exitValue()).isZero();
        List<String> expected = EndToEndIT.withoutTimings(reference.resolve("results.csv"));
        assertThat(expected).hasSize(11);

        Path out = dir.resolve("killed");
        List<Integer> killedAfter = new ArrayList<>();
        boolean resume = false;
        for (int target : new int[] {0, 3, 7}) {
            Process p = child(cfg, out, resume);
            awaitCommitted(p, out, target);
            boolean alive = p.isAlive();
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Killed while running (128 + SIGKILL), or it had finished cleanly: never an error exit of its own.
            assertThat(p.exitValue()).as(Files.readString(out.resolveSibling("killed.err"))).isEqualTo(alive ? 137 : 0);
            killedAfter.add(committed(out));
            resume = true;
        }
        assertThat(killedAfter).isSorted();
        assertThat(killedAfter.get(2)).isLessThan(10); // killed before the end, or the test proves nothing
        Process last = child(cfg, out, true);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).isZero();
        assertThat(EndToEndIT.withoutTimings(out.resolve("results.csv"))).isEqualTo(expected);
    }

    /**
     * Killed at many points of its start-up (before the log exists, once it does, once the store does, at
     * fixed delays), alternately restarted plainly and with --resume: each start proceeds, and the folder
     * ends with the numbers of an uninterrupted run.
     */
    @Test
    void killedDuringStartUpEveryRestartProceedsAndTheResultsEqualAnUninterruptedRun() throws Exception {
        Path cfg = config("""
                training: {iterations: 300, evalEvery: 100}
                grid: {strategy: ["0.1", H1], dataset.shots: [1, 2]}
                reporters: [csv]
                """);
        Path reference = dir.resolve("whole");
        Process whole = child(cfg, reference, false);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        List<String> expected = EndToEndIT.withoutTimings(reference.resolve("results.csv"));
        Path out = dir.resolve("startup");
        int[] delaysMs = {50, 250, 500, 750, 1000, 1300, 1600, 2000};
        List<String> states = new ArrayList<>();
        for (int i = 0; i < delaysMs.length + 2; i++) {
            boolean resume = i % 2 == 1;
            Process p = child(cfg, out, resume);
            if (i == 0) {
                awaitFile(p, out.resolve("run.log"));
            } else if (i == 1) {
                awaitFile(p, out.resolve(ResultsStore.FILE));
            } else {
                Thread.sleep(delaysMs[i - 2]);
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Killed (137), or it had finished: never refused (2) by what an earlier kill left.
            assertThat(p.exitValue()).as(Files.readString(out.resolveSibling("startup.err"))).isIn(0, 137);
            states.add(listing(out));
        }
        // The kills hit a folder with the log alone, and one with a store but no finished run.
        assertThat(states).anyMatch(l -> l.contains("run.log") && !l.contains(ResultsStore.FILE));
        Process last = child(cfg, out, false);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(out.resolveSibling("startup.err"));
        assertThat(last.exitValue()).as(err).isIn(0, 2);
        if (last.exitValue() == 2) {
            // Some runs had committed: a plain start says to add --resume, which finishes them.
            assertThat(err).contains("add --resume to finish them");
            Process resumed = child(cfg, out, true);
            assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(resumed.exitValue()).isZero();
        }
        assertThat(EndToEndIT.withoutTimings(out.resolve("results.csv"))).isEqualTo(expected);
    }

    private static String listing(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return "(none)";
        }
        try (var s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    private static void awaitFile(Process child, Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /** Ctrl-C stops cleanly: finished runs stay, exit 130, and the resume command is printed. */
    @Test
    void interruptKeepsFinishedRunsAndPrintsTheResumeCommand() throws Exception {
        Path cfg = config("""
                training: {iterations: 10000, evalEvery: 2000}
                grid: {strategy: ["0.1", H1], dataset.shots: [1, 2, 3, 4, 5]}
                reporters: [csv]
                """);
        Path out = dir.resolve("interrupted");
        Process p = child(List.of("run", cfg.toString(), "training.evalEvery=2000", "--out", out.toString(),
                "--threads", "1"), out);
        awaitCommitted(p, out, 2);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        String err = Files.readString(out.resolveSibling("interrupted.err"));
        assertThat(err).contains("Stopped.").contains("--resume");
        assertThat(committed(out)).isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(out.resolve("run.log"))).contains(" on 1 thread into ");
        // The printed command is the one that resumes: run as it is printed, with its overrides and options.
        String hint = err.substring(err.indexOf("Resume with:") + "Resume with:".length()).strip().lines().findFirst().orElseThrow();
        assertThat(hint).isEqualTo("./lrsearch run " + cfg + " training.evalEvery=2000 --out " + out
                + " --threads 1 --resume");
        Process resumed = child(List.of(hint.substring("./lrsearch ".length()).split(" ")), out);
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(11);
    }

    private Process child(Path cfg, Path out, boolean resume) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", cfg.toString(), "--out", out.toString(), "--threads", "1"));
        if (resume) {
            args.add("--resume");
        }
        return child(args, out);
    }

    /** lrsearch with {@code args} in a child JVM, its stderr appended to OUT.err beside the folder. */
    private static Process child(List<String> args, Path out) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        File err = out.resolveSibling(out.getFileName() + ".err").toFile();
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(err)).start();
    }

    /** Waits (two minutes at most) until the child has committed {@code runs} runs or has ended. */
    private static void awaitCommitted(Process child, Path out, int runs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committed(out) < runs && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static int committed(Path out) {
        Path db = out.resolve(ResultsStore.FILE);
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM runs")) {
            return r.next() ? r.getInt(1) : 0;
        } catch (java.sql.SQLException e) {
            // The child creates the file a moment before its tables; any other failure is the test's to see.
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0;
            }
            throw new IllegalStateException("reading " + db + ": " + e.getMessage(), e);
        }
    }
}
