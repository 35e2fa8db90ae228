package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole experiments on the real MNIST files, through the command line. */
class EndToEndIT {
    static final Path QUICK = Path.of("..", "experiments", "quick.yaml");

    @TempDir
    Path dir;

    @Test
    void quickExperimentTrainsOnRealMnistAndWritesResults() throws IOException {
        Path out = dir.resolve("quick");
        Cli cli = Cli.run("run", QUICK.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(1 + 4);
        assertThat(rows.get(0)).startsWith("run_id,dataset,model,hidden,batch_size,shots,selection,strategy,");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertThat(f[18]).isEqualTo("ok");
            assertThat(Double.parseDouble(f[11])).isBetween(0.0, 1.0);
            if (f[7].equals("0.1")) {
                // Chance is 0.10; 300 iterations at rate 0.1 reach 0.35 (1-shot) and 0.21 (2-shot). A trainer
                // that does not learn, or learns from the wrong labels, stays near chance.
                assertThat(Double.parseDouble(f[11])).as(row).isGreaterThan(0.18);
            }
        }
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(",H1,h-proposal-search,").contains(",0.01,"));
        assertThat(Files.readAllLines(out.resolve("curves.csv"))).hasSize(1 + 4 * 6);
        assertThat(out.resolve("results.db")).exists();
        assertThat(out.resolve("run.log")).exists();
        assertThat(out.resolve("report.html")).exists();
        org.lrsearch.reporters.HtmlCheck.assertValid(out.resolve("report.html"));
        assertThat(out.resolve("provenance.json")).exists();
        // The resolved configuration shows what quick.yaml left to defaults.
        assertThat(Files.readString(out.resolve("report.html"))).contains("With every default filled in")
                .contains("maxShrinks: 20").contains("initStd: 0.01").contains("divergenceFactor: 4.0");
        // The answer in the terminal: the best strategy of each setting, as results.csv ranks them.
        assertThat(cli.out).contains("Best strategy per setting (mean test accuracy over seeds):");
        for (String shots : List.of("1", "2")) {
            List<String[]> cell = rows.subList(1, rows.size()).stream().map(r -> r.split(",", -1))
                    .filter(f -> f[5].equals(shots)).toList();
            String[] best = cell.stream().max(java.util.Comparator.comparingDouble(f -> Double.parseDouble(f[11]))).orElseThrow();
            assertThat(cli.out).containsPattern("(?m)^  shots=" + shots + " +" + java.util.regex.Pattern.quote(best[7])
                    + " +" + String.format(java.util.Locale.ROOT, "%.4f", Double.parseDouble(best[11])) + " \\(n=1\\)");
        }
        String[] lines = cli.out.strip().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("report: " + out.resolve("report.html").toAbsolutePath());

        // The reports come from results.db alone: delete them and render them again without training.
        String csv = Files.readString(out.resolve("results.csv"));
        Files.delete(out.resolve("results.csv"));
        Files.delete(out.resolve("report.html"));
        Cli report = Cli.run("report", out.toString());
        assertThat(report.exitCode).as(report.toString()).isZero();
        assertThat(Files.readString(out.resolve("results.csv"))).isEqualTo(csv);
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void resultsAreIdenticalWhateverTheThreadCount() throws IOException {
        Path one = dir.resolve("t1"), two = dir.resolve("t2");
        String[] common = {"training.iterations=120", "training.evalEvery=40"};
        assertThat(Cli.run(concat(new String[] {"run", QUICK.toString(), "--threads", "1", "--out", one.toString()}, common)).exitCode).isZero();
        assertThat(Cli.run(concat(new String[] {"run", QUICK.toString(), "--threads", "2", "--out", two.toString()}, common)).exitCode).isZero();
        assertThat(withoutTimings(one.resolve("results.csv"))).isEqualTo(withoutTimings(two.resolve("results.csv")));
        assertThat(Files.readAllLines(one.resolve("curves.csv"))).isEqualTo(Files.readAllLines(two.resolve("curves.csv")));
    }

    @Test
    void aPluginFromOutsideTheBundleRunsUnderTheSearcher() throws IOException {
        Path cfg = dir.resolve("decay.yaml");
        Files.writeString(cfg, """
                extends: %s
                training: {iterations: 60, evalEvery: 30}
                strategies:
                  decay: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], then: {plugin: test-step-decay, every: 20}}
                grid: {strategy: [decay]}
                """.formatted(QUICK.toAbsolutePath().normalize()));
        Path out = dir.resolve("decay");
        Cli cli = Cli.run("run", cfg.toString(), "--out", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        String curves = Files.readString(out.resolve("curves.csv"));
        // δ = 0.01, halved every 20 iterations: 0.005 at iteration 30, 0.0025 at 60.
        assertThat(curves).contains(",30,").contains(",0.005,").contains(",60,").contains(",0.0025,");
    }

    @Test
    void theGeneralPerceptronWithOneSigmoidLayerReproducesThePapersNetwork() throws IOException {
        Path net = dir.resolve("net"), mlp = dir.resolve("mlp");
        assertThat(Cli.run("run", QUICK.toString(), "--out", net.toString()).exitCode).isZero();
        Cli cli = Cli.run("run", QUICK.toString(), "--out", mlp.toString(), "model={plugin: mlp, layers: [20]}");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> a = Files.readAllLines(net.resolve("results.csv")), b = Files.readAllLines(mlp.resolve("results.csv"));
        assertThat(b).hasSameSizeAs(a);
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split(",", -1), y = b.get(i).split(",", -1);
            assertThat(y[2]).isEqualTo("mlp");
            assertThat(y[11]).as("test accuracy, row %d", i).isEqualTo(x[11]);
            double lx = Double.parseDouble(x[12]), ly = Double.parseDouble(y[12]);
            assertThat(Math.abs(ly - lx)).as("final train loss, row %d", i).isLessThanOrEqualTo(1e-9 * Math.abs(lx));
        }
    }

    @Test
    void fashionMnistRunsFromTheDebianPackagesFiles() throws IOException {
        Path out = dir.resolve("fashion");
        Cli cli = Cli.run("run", QUICK.resolveSibling("fashion-table1.yaml").toString(), "--out", out.toString(),
                "training.iterations=60", "training.evalEvery=30", "grid.training.batchSize=[2]", "grid.model.hidden=[20]",
                "grid.dataset.shots=[2]", "grid.strategy=[\"0.1\", H1]");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r).contains(",fashion-mnist,two-layer-net,").contains(",ok,"));
    }

    @Test
    void aRequestTheDataCannotMeetIsRefusedBeforeAnyRun() throws IOException {
        Path out = dir.resolve("too-many");
        Cli cli = Cli.run("run", QUICK.toString(), "--out", out.toString(), "dataset.shots=6000");
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).contains("dataset.shots").contains("6000").contains("smallest class").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** results.csv without the wall_ms and eval_ms columns, which measure time, not results. */
    static List<String> withoutTimings(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            f[16] = "";
            f[17] = "";
            return String.join(",", f);
        }).toList();
    }
}
