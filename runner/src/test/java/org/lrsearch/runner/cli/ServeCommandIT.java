package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serve command's refusals: each a clear message and exit 2, before anything is served. */
class ServeCommandIT {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutAStoreIsRefused() {
        Cli cli = Cli.run("serve", dir.toString(), "--port", "0");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains(dir + ": no results.db here").doesNotContain("Exception");
    }

    @Test
    void aPortInUseIsRefusedNamingIt() throws Exception {
        Cli run = Cli.run("run", Path.of("..", "experiments", "quick.yaml").toString(), "grid.dataset.shots=[1]",
                "grid.strategy=[\"0.1\"]", "--out", dir.resolve("study").toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Cli cli = Cli.run("serve", dir.resolve("study").toString(), "--port", String.valueOf(port));
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
            assertThat(cli.err).contains("--port " + port + ": 127.0.0.1:" + port + " is in use").contains("--port 0")
                    .doesNotContain("Exception");
        }
        Cli bad = Cli.run("serve", dir.resolve("study").toString(), "--port", "70000");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("--port 70000: must be between 0");
        assertThat(Files.list(dir.resolve("study")).map(p -> p.getFileName().toString())).doesNotContain("results.db-wal");
    }

    @Test
    void portAndHostWithoutServeAreRefused() {
        Cli cli = Cli.run("run", Path.of("..", "experiments", "quick.yaml").toString(), "--port", "9000",
                "--out", dir.resolve("x").toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("--port and --host set where --serve listens; add --serve");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
