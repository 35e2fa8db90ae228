package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin guide's worked example (docs/PLUGINS.md, "A strategy plugin"), followed literally: its
 * files are taken from the guide as written, built with Maven (tests included), the jar is put in a plugins folder, listed with
 * its version, and run; a second copy of the jar gets a warning.
 */
class PluginGuideExampleIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example:(\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern OPTIMIZER_EXAMPLE = Pattern.compile("<!-- optimizer-example:(\\S+) -->\\s*```\\w*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    static void maven(Path in, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("mvn", ".log");
        Process p = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("mvn " + String.join(" ", args) + " in time").isTrue();
        assertThat(p.exitValue()).as("mvn %s in %s:%n%s", String.join(" ", args), in, Files.readString(log)).isZero();
    }

    /** Writes the guide's files marked by {@code example} into {@code project}; returns their paths. */
    private static List<String> extract(Pattern example, Path project) throws IOException {
        Matcher m = example.matcher(Files.readString(ROOT.resolve("docs/PLUGINS.md")));
        List<String> written = new ArrayList<>();
        while (m.find()) {
            Path f = project.resolve(m.group(1));
            Files.createDirectories(f.getParent());
            Files.writeString(f, m.group(2));
            written.add(m.group(1));
        }
        return written;
    }

    @Test
    void theGuidesOptimizerProjectBuildsListsAndTrainsARunThroughIt() throws Exception {
        Path project = dir.resolve("my-optimizer");
        assertThat(extract(OPTIMIZER_EXAMPLE, project)).containsExactly("src/main/java/org/example/RmspropPlugin.java",
                "src/main/resources/META-INF/services/org.lrsearch.api.OptimizerPlugin",
                "src/test/java/org/example/RmspropPluginTest.java");
        // "with the pom.xml above (artifactId rmsprop)"
        extract(EXAMPLE, dir.resolve("strategy"));
        Files.writeString(project.resolve("pom.xml"), Files.readString(dir.resolve("strategy/pom.xml"))
                .replace("<artifactId>capped-step</artifactId>", "<artifactId>rmsprop</artifactId>"));
        maven(ROOT, "install", "-DskipTests", "-pl", "framework-api,testkit", "-am");
        maven(project, "package");
        assertThat(project.resolve("target/surefire-reports/TEST-org.example.RmspropPluginTest.xml")).content()
                .contains("failures=\"0\"").contains("tests=\"1\"");
        Path plugins = Files.createDirectories(dir.resolve("lrsearch-plugins"));
        Files.copy(project.resolve("target/rmsprop-1.0.0.jar"), plugins.resolve("rmsprop-1.0.0.jar"));
        Cli listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.out).contains("optimizer plugins:").contains("rmsprop").contains("alpha");

        Path cfg = dir.resolve("my.yaml");
        Files.writeString(cfg, """
                extends: %s
                training: {iterations: 40, evalEvery: 20}
                optimizers:
                  rms: {plugin: rmsprop, alpha: 0.9}
                optimizer: rms
                strategies:
                  slow: {plugin: fixed, lr: 0.001}
                  H1: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], then: {plugin: k-min-loss}}
                grid: {strategy: [slow, H1], dataset.shots: [1]}
                reporters: [csv]
                """.formatted(EndToEndIT.QUICK.toAbsolutePath().normalize()));
        Path out = dir.resolve("out");
        Cli run = Cli.run("run", cfg.toString(), "--plugins", plugins.toString(), "--out", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(3).allSatisfy(l ->
                assertThat(l).matches("run_id.*|.*,fixed,.*,ok,.*|.*,h-proposal-search,.*,ok,.*"));
    }

    @Test
    void theGuidesPluginProjectBuildsListsWithItsVersionAndRuns() throws Exception {
        Path project = dir.resolve("my-strategy");
        List<String> written = extract(EXAMPLE, project);
        assertThat(written).contains("pom.xml", "src/main/java/org/example/CappedStepPlugin.java",
                "src/main/resources/META-INF/services/org.lrsearch.api.LrStrategyPlugin",
                "src/test/java/org/example/CappedStepPluginTest.java");

        // What the guide says the launcher does (or the command it gives), then the user's build.
        maven(ROOT, "install", "-DskipTests", "-pl", "framework-api,testkit", "-am");
        maven(project, "package");
        Path jar = project.resolve("target/capped-step-1.0.0.jar");
        assertThat(jar).isRegularFile();
        assertThat(project.resolve("target/surefire-reports")).isDirectory();

        Path plugins = Files.createDirectories(dir.resolve("lrsearch-plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        Cli listed = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(listed.exitCode).as(listed.toString()).isZero();
        assertThat(listed.out).contains("capped-step").contains("version 1.0.0").contains("maxStep");
        assertThat(listed.err).doesNotContain("warning");

        Path cfg = dir.resolve("my.yaml");
        Files.writeString(cfg, """
                extends: %s
                training: {iterations: 40, evalEvery: 20}
                strategies:
                  capped: {plugin: capped-step, lr: 0.5, maxStep: 2}
                  H1-capped: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], then: {plugin: capped-step}}
                grid: {strategy: [capped, H1-capped], dataset.shots: [1]}
                reporters: [csv, json]
                """.formatted(EndToEndIT.QUICK.toAbsolutePath().normalize()));
        Path out = dir.resolve("out");
        Cli run = Cli.run("run", cfg.toString(), "--plugins", plugins.toString(), "--out", out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(3).allSatisfy(l ->
                assertThat(l).matches("run_id.*|.*,capped-step,.*,ok,.*|.*,h-proposal-search,.*,ok,.*"));
        try (var traces = Files.list(out.resolve("traces"))) {
            assertThat(traces.map(t -> {
                try {
                    return Files.readString(t);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            })).anyMatch(t -> t.contains("\"name\":\"stepLength\""));
        }

        // An old build left beside the new one: the same class in two jars is warned about.
        Files.copy(jar, plugins.resolve("capped-step-old.jar"));
        Cli twice = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(twice.exitCode).isZero();
        assertThat(twice.err).contains("warning: class org.example.CappedStepPlugin is in both");
    }
}
