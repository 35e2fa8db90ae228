package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the command line answers a new user, beyond running experiments. */
class CommandLineIT {
    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Cli cli = Cli.run();
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("Usage: lrsearch").contains("run").contains("validate");
    }

    @Test
    void validateCountsTheRunsAndStrategiesThatWillRun() {
        Cli quick = Cli.run("validate", EndToEndIT.QUICK.toString());
        assertThat(quick.exitCode).as(quick.toString()).isZero();
        assertThat(quick.out).isEqualTo(EndToEndIT.QUICK + ": ok, 4 runs (2 strategies, 1 seed), reporters: csv, html, json\n");
        Cli baselines = Cli.run("validate", EndToEndIT.QUICK.resolveSibling("paper-baselines.yaml").toString(), "seeds=3",
                "training.batchSize=2", "model.hidden=20");
        assertThat(baselines.exitCode).as(baselines.toString()).isZero();
        assertThat(baselines.out).contains(": ok, 30 runs (2 strategies, 3 seeds)");
        assertThat(baselines.err).contains("note: training.batchSize=2 on the command line replaces the grid's sweep "
                + "training.batchSize: [2,4,8]");
    }
}
