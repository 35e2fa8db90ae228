package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment run as shards of an array job and merged gives the numbers of one local run. */
class ShardMergeIT {
    static final String QUICK = EndToEndIT.QUICK.toString();
    static final String[] SHORT = {"training.iterations=60", "training.evalEvery=20"};

    @TempDir
    Path dir;

    private Cli run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + SHORT.length);
        System.arraycopy(SHORT, 0, all, args.length, SHORT.length);
        return Cli.run(all);
    }

    @Test
    void twoShardsMergedEqualOneLocalRun() throws IOException {
        assertThat(run("run", QUICK, "--out", dir.resolve("local").toString()).exitCode).isZero();
        Cli s1 = run("run", QUICK, "--shard", "1/2", "--out", dir.resolve("s1").toString());
        assertThat(s1.exitCode).as(s1.toString()).isZero();
        assertThat(s1.out).contains("shard 1/2 of quick done");
        assertThat(dir.resolve("s1/report.html")).doesNotExist();
        assertThat(run("run", QUICK, "--shard", "2/2", "--out", dir.resolve("s2").toString()).exitCode).isZero();

        Cli merge = Cli.run("merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(), "--out", dir.resolve("merged").toString());
        assertThat(merge.exitCode).as(merge.toString()).isZero();
        assertThat(merge.out).contains("merged 4 runs from 2 folders");
        assertThat(ResultsCsv.withoutTimings(dir.resolve("merged/results.csv")))
                .isEqualTo(ResultsCsv.withoutTimings(dir.resolve("local/results.csv")));
        assertThat(Files.readAllLines(dir.resolve("merged/curves.csv"))).isEqualTo(Files.readAllLines(dir.resolve("local/curves.csv")));
        assertThat(dir.resolve("merged/report.html")).exists();
        org.lrsearch.reporters.HtmlCheck.assertValid(dir.resolve("merged/report.html"));
        // The merged folder is an ordinary results folder: resuming it finds every run done.
        Cli resume = run("run", QUICK, "--resume", "--out", dir.resolve("merged").toString());
        assertThat(resume.exitCode).as(resume.toString()).isZero();
        assertThat(resume.out).contains("(4 resumed from before)");
    }

    @Test
    void aMissingShardASecondCopyOrAnotherPlanIsRefused() {
        assertThat(run("run", QUICK, "--shard", "1/2", "--out", dir.resolve("s1").toString()).exitCode).isZero();
        Cli missing = Cli.run("merge", dir.resolve("s1").toString(), "--out", dir.resolve("m1").toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).contains("2 of the plan's 4 runs are in none of the folders (shards not given: 2/2)")
                .contains("--partial").doesNotContain("at org.");
        assertThat(dir.resolve("m1/results.db")).doesNotExist();

        Cli partial = Cli.run("merge", dir.resolve("s1").toString(), "--partial", "--out", dir.resolve("m2").toString());
        assertThat(partial.exitCode).as(partial.toString()).isZero();
        assertThat(partial.out).contains("merged 2 runs from 1 folders").contains("2 runs of the plan missing");

        Cli twice = Cli.run("merge", dir.resolve("s1").toString(), dir.resolve("s1").toString(), "--out", dir.resolve("m3").toString());
        assertThat(twice.exitCode).isEqualTo(2);
        assertThat(twice.err).contains("shard 1/2 is given twice");

        Cli other = Cli.run("run", QUICK, "--shard", "2/2", "training.iterations=40", "training.evalEvery=20",
                "--out", dir.resolve("other").toString());
        assertThat(other.exitCode).isZero();
        Cli mixed = Cli.run("merge", dir.resolve("s1").toString(), dir.resolve("other").toString(), "--out", dir.resolve("m4").toString());
        assertThat(mixed.exitCode).isEqualTo(2);
        assertThat(mixed.err).contains("holds another experiment than").contains("training.iterations");

        Cli bad = Cli.run("run", QUICK, "--shard", "3/2", "--out", dir.resolve("bad").toString());
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("--shard 3/2: must be I/N with 1 <= I <= N");
    }
}
