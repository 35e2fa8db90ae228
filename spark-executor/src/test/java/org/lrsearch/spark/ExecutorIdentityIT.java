package org.lrsearch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.runner.cli.Cli;
import org.lrsearch.runner.cli.ExamplePluginJar;
import org.lrsearch.runner.cli.ResultsCsv;

/**
 * The same experiment run on this JVM's threads, on Spark (embedded {@code local[2]} master) and as
 * two shards merged gives the same numbers, run ids and order; a Spark run resumed after losing
 * runs redoes exactly those.
 */
class ExecutorIdentityIT {
    static final String QUICK = Path.of("../experiments/quick.yaml").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    @Test
    void localSparkAndMergedShardsGiveIdenticalResults() throws Exception {
        Cli local = Cli.run("run", QUICK, "--out", dir.resolve("local").toString());
        assertThat(local.exitCode).as(local.toString()).isZero();

        Cli spark = Cli.run("run", QUICK, "--executor", "spark", "--master", "local[2]", "--out", dir.resolve("spark").toString());
        assertThat(spark.exitCode).as(spark.toString()).isZero();
        assertThat(spark.out).contains("4 runs (0 resumed from before), 0 failed").contains("report.html");
        org.lrsearch.reporters.HtmlCheck.assertValid(dir.resolve("spark/report.html"));

        for (int i = 1; i <= 2; i++) {
            Cli shard = Cli.run("run", QUICK, "--shard", i + "/2", "--out", dir.resolve("s" + i).toString());
            assertThat(shard.exitCode).as(shard.toString()).isZero();
        }
        Cli merge = Cli.run("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out", dir.resolve("merged").toString());
        assertThat(merge.exitCode).as(merge.toString()).isZero();

        List<String> expected = ResultsCsv.withoutTimings(dir.resolve("local/results.csv"));
        assertThat(expected).hasSize(5);
        assertThat(ResultsCsv.withoutTimings(dir.resolve("spark/results.csv"))).isEqualTo(expected);
        assertThat(ResultsCsv.withoutTimings(dir.resolve("merged/results.csv"))).isEqualTo(expected);
        List<String> curves = Files.readAllLines(dir.resolve("local/curves.csv"));
        assertThat(Files.readAllLines(dir.resolve("spark/curves.csv"))).isEqualTo(curves);
        assertThat(Files.readAllLines(dir.resolve("merged/curves.csv"))).isEqualTo(curves);
        assertThat(Files.readString(dir.resolve("spark/provenance.json"))).contains("\"executor\" : \"spark\"");
    }

    /**
     * A tuned study (tuning runs, then the evaluation runs planned from their winners, which the workers plan
     * too) gives the same numbers on Spark as locally, and as shards whose tuning runs are merged and whose
     * evaluation runs then follow with --resume.
     */
    @Test
    void aTunedStudyGivesTheSameNumbersLocallyOnSparkAndAsMergedShards() throws Exception {
        List<String> tuned = List.of("dataset.validation=10", "dataset.shots=1", "training.iterations=60",
                "training.evalEvery=30", "grid.dataset.shots=null",
                "tuning={budget: 3, sampler: sobol, seeds: 1, space: {\"0.1\": {lr: {log: [0.01, 1]}}}}");
        List<String> local = new java.util.ArrayList<>(List.of("run", QUICK, "--out", dir.resolve("tl").toString()));
        local.addAll(tuned);
        assertThat(Cli.run(local.toArray(String[]::new)).exitCode).isZero();
        List<String> spark = new java.util.ArrayList<>(List.of("run", QUICK, "--executor", "spark", "--master", "local[2]",
                "--out", dir.resolve("ts").toString()));
        spark.addAll(tuned);
        Cli s = Cli.run(spark.toArray(String[]::new));
        assertThat(s.exitCode).as(s.toString()).isZero();
        List<String> expected = ResultsCsv.withoutTimings(dir.resolve("tl/results.csv"));
        // "0.1": 3 candidates on 1 tuning seed, then 1 evaluation run; H1 untuned: 1 run.
        assertThat(expected).hasSize(1 + 5);
        assertThat(ResultsCsv.withoutTimings(dir.resolve("ts/results.csv"))).isEqualTo(expected);
        // As shards: each runs its share of the tuning runs; merged, the evaluation runs follow with --resume.
        for (int i = 1; i <= 2; i++) {
            List<String> shard = new java.util.ArrayList<>(List.of("run", QUICK, "--shard", i + "/2", "--out",
                    dir.resolve("t" + i).toString()));
            shard.addAll(tuned);
            Cli c = Cli.run(shard.toArray(String[]::new));
            assertThat(c.exitCode).as(c.toString()).isZero();
            assertThat(c.out).contains("this study is tuned").contains("--resume --out DIR");
        }
        Cli merge = Cli.run("merge", dir.resolve("t1").toString(), dir.resolve("t2").toString(), "--out",
                dir.resolve("tm").toString());
        assertThat(merge.exitCode).as(merge.toString()).isZero();
        List<String> resume = new java.util.ArrayList<>(List.of("run", QUICK, "--resume", "--out", dir.resolve("tm").toString()));
        resume.addAll(tuned);
        Cli r = Cli.run(resume.toArray(String[]::new));
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(ResultsCsv.withoutTimings(dir.resolve("tm/results.csv"))).isEqualTo(expected);
    }

    @Test
    void aSparkRunResumesWhatADriverLost() throws Exception {
        Cli first = Cli.run("run", QUICK, "training.iterations=60", "training.evalEvery=20", "--executor", "spark",
                "--master", "local[2]", "--out", dir.resolve("r").toString());
        assertThat(first.exitCode).as(first.toString()).isZero();
        List<String> before = ResultsCsv.withoutTimings(dir.resolve("r/results.csv"));
        // As if the driver died after committing two runs: the store keeps only those.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("r/results.db"));
             Statement s = c.createStatement()) {
            for (String t : List.of("runs", "curves", "events", "lr_segments", "scalars")) {
                s.executeUpdate("DELETE FROM " + t + " WHERE run_id IN (SELECT run_id FROM runs WHERE ord >= 2)");
            }
        }
        Cli resumed = Cli.run("run", QUICK, "training.iterations=60", "training.evalEvery=20", "--executor", "spark",
                "--master", "local[2]", "--resume", "--out", dir.resolve("r").toString());
        assertThat(resumed.exitCode).as(resumed.toString()).isZero();
        assertThat(resumed.out).contains("4 runs (2 resumed from before)");
        assertThat(ResultsCsv.withoutTimings(dir.resolve("r/results.csv"))).isEqualTo(before);
    }

    @Test
    void pluginJarsFromThePluginsFolderReachTheExecutors() throws Exception {
        Path plugins = ExamplePluginJar.build(dir.resolve("build"));
        Path cfg = dir.resolve("exp.yaml");
        Files.writeString(cfg, """
                extends: %s
                training: {iterations: 40, evalEvery: 20}
                strategies: {const: {plugin: example-constant, lr: 0.07}}
                grid: {strategy: [const], dataset.shots: [1, 2]}
                reporters: [csv]
                """.formatted(QUICK));
        Cli run = Cli.run("run", cfg.toString(), "--plugins", plugins.toString(), "--executor", "spark",
                "--master", "local[2]", "--out", dir.resolve("p").toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("p/curves.csv"))).hasSize(5)
                .allSatisfy(l -> assertThat(l).matches("run_id.*|.*,0\\.07,\\d+"));
    }

    @Test
    void settingsOfOneExecutorAreRefusedForTheOther() {
        Cli threads = Cli.run("run", QUICK, "--executor", "spark", "--threads", "2", "--out", dir.resolve("t").toString());
        assertThat(threads.exitCode).isEqualTo(2);
        assertThat(threads.err).contains("--threads is a setting of the local executor").doesNotContain("at org.");
        Cli master = Cli.run("run", QUICK, "--master", "local[2]", "--out", dir.resolve("m").toString());
        assertThat(master.exitCode).isEqualTo(2);
        assertThat(master.err).contains("--master local[2]: a setting of --executor spark");
        Cli unknown = Cli.run("run", QUICK, "--executor", "flink", "--out", dir.resolve("u").toString());
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.err).contains("--executor 'flink': unknown; valid executors here: local, spark");
        assertThat(dir.resolve("t")).doesNotExist();
        assertThat(dir.resolve("m")).doesNotExist();
        assertThat(dir.resolve("u")).doesNotExist();
    }
}
