package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A strategy plugin in a jar of its own, as the README tells a researcher to write one: compiled
 * here against framework-api only, packaged with its service file, found through --plugins, and run.
 */
class PluginJarIT {
    static final String SOURCE = """
            package org.example;

            import org.lrsearch.api.*;

            public final class ConstantPlugin implements LrStrategyPlugin<ConstantPlugin.Options> {
                public record Options(@Option(description = "the rate", defaultValue = "0.05") Double lr) {
                    public Options {
                        lr = lr == null ? 0.05 : lr;
                        InvalidOptionException.requirePositiveRate("lr", lr);
                    }
                }

                @Override public String id() { return "example-constant"; }
                @Override public String description() { return "a constant rate, from a jar of its own"; }
                @Override public Class<Options> optionsType() { return Options.class; }

                @Override
                public LrStrategy create(Options o, StrategyFactory strategies) {
                    return context -> context.commit(o.lr());
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void strategyFromAJarInThePluginsFolderIsListedAndRuns() throws IOException {
        Path src = dir.resolve("src/org/example/ConstantPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertThat(rc).as("javac").isZero();

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("example.jar")))) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(f));
                    jar.closeEntry();
                }
            }
            jar.putNextEntry(new JarEntry("META-INF/services/org.lrsearch.api.LrStrategyPlugin"));
            OutputStream out = jar;
            out.write("org.example.ConstantPlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }

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
        assertThat(curves).hasSize(3).allSatisfy(l -> assertThat(l).matches("run_id.*|.*,0\\.07"));
        // Without the folder the id is unknown, and the error lists what is known.
        Cli missing = Cli.run("validate", cfg.toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).contains("'example-constant'").contains("known: armijo").contains(" fixed,");
    }
}
