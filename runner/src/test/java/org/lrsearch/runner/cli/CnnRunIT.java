package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cnn model through the command line: a study on real MNIST, and data it does not fit refused before any run. */
class CnnRunIT {
    @TempDir
    Path dir;

    private Path config(String dataset, String model) throws IOException {
        Path p = dir.resolve("cnn.yaml");
        Files.writeString(p, """
                dataset: %s
                model: %s
                training: {iterations: 60, batchSize: 4, evalEvery: 30}
                strategies:
                  "0.05": {plugin: fixed, lr: 0.05}
                  H1-skip: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], zeros: skip, then: {plugin: k-min-loss}}
                reporters: [csv]
                """.formatted(dataset, model));
        return p;
    }

    @Test
    void aCnnStudyTrainsOnRealMnistAndTheSearcherRecordsItsRounds() throws IOException {
        Path out = dir.resolve("run");
        Cli cli = Cli.run("run", config("{plugin: mnist, shots: 2, selection: first}", "{plugin: cnn}").toString(),
                "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r).contains(",cnn,").contains(",ok,"));
        // 60 iterations at 0.05 from He initialisation leave chance (0.10) behind on the 10,000 test images.
        String fixed = rows.stream().filter(r -> r.contains(",0.05,fixed,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(fixed.split(",", -1)[11])).isGreaterThan(0.2);
        String searcher = rows.stream().filter(r -> r.contains(",H1-skip,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(searcher.split(",", -1)[13])).as("δ").isPositive();
    }

    @Test
    void aDatasetWithoutAnImageShapeIsRefusedBeforeAnyRun() throws IOException {
        Path csv = dir.resolve("table.csv");
        StringBuilder b = new StringBuilder("label,a,b,c\n");
        for (int i = 0; i < 40; i++) {
            b.append(i % 10).append(",0.1,0.2,").append(i).append('\n');
        }
        Files.writeString(csv, b.toString());
        Path out = dir.resolve("csv");
        Cli cli = Cli.run("run", config("{plugin: csv, train: " + csv + ", testFraction: 0.25, shots: 1}",
                "{plugin: cnn}").toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("cnn.yaml").contains("key 'model.conv'").contains("no image shape")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void layersThatShrinkTheImageBelowOnePixelAreRefusedNamingTheLayerAndSizes() throws IOException {
        Path out = dir.resolve("deep");
        Cli cli = Cli.run("run", config("{plugin: mnist, shots: 1, selection: first}", "{plugin: cnn, conv: "
                + "[{filters: 6, kernel: 5}, {filters: 16, kernel: 5}, {filters: 8, kernel: 4}]}").toString(),
                "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("key 'model.conv'").contains("layer conv3")
                .contains("a 4×4 kernel on a 4×4 feature map leaves 1×1").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }
}
