package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strategy plugin in a jar of its own ({@link ExamplePluginJar}) is found through --plugins, listed and run. */
class PluginJarIT {
    @TempDir
    Path dir;

    @Test
    void strategyFromAJarInThePluginsFolderIsListedAndRuns() throws IOException {
        Path plugins = ExamplePluginJar.build(dir);
        Cli listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.exitCode).as(listed.toString()).isZero();
        assertThat(listed.out).contains("example-constant").contains("example.jar").contains("[default: 0.05]");
        assertThat(Cli.run("plugins").out).doesNotContain("example-constant");

        Path cfg = dir.resolve("exp.yaml");
        Files.writeString(cfg, """
                extends: %s
                training: {iterations: 40, evalEvery: 20}
                strategies: {const: {plugin: example-constant, lr: 0.07}}
                grid: {strategy: [const], dataset.shots: [1]}
                reporters: [csv]
                """.formatted(EndToEndIT.QUICK.toAbsolutePath().normalize()));
        Path out = dir.resolve("out");
        Cli run = Cli.run("run", cfg.toString(), "--plugins", plugins.toString(), "--out", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> curves = Files.readAllLines(out.resolve("curves.csv"));
        assertThat(curves).hasSize(3).allSatisfy(l -> assertThat(l).matches("run_id.*|.*,0\\.07,\\d+"));
        // The jar rebuilt with other content under the same version is another plan: --resume refuses it.
        try (var jar = java.nio.file.FileSystems.newFileSystem(plugins.resolve("example.jar"))) {
            Files.writeString(jar.getPath("NOTICE.txt"), "rebuilt");
        }
        Cli stale = Cli.run("run", cfg.toString(), "--plugins", plugins.toString(), "--out", out.toString(), "--resume");
        assertThat(stale.exitCode).as(stale.toString()).isEqualTo(2);
        assertThat(stale.err).containsPattern("plugin strategy:example-constant: version \\S+ \\(sha256 [0-9a-f]{64}\\) -> "
                + "\\S+ \\(sha256 [0-9a-f]{64}\\)");
        // Without the folder the id is unknown, and the error lists what is known.
        Cli missing = Cli.run("validate", cfg.toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).contains("'example-constant'").contains("known: armijo").contains(" fixed,");
    }
}
