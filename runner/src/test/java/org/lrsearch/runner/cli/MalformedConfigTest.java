package org.lrsearch.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad configs and overrides: each gives exit code 2, one message naming the file, the key and the
 * value (and the valid choices), no stack trace, and no output folder. All of them are found before
 * any data is read (a request the data cannot meet is in {@link EndToEndIT}).
 */
class MalformedConfigTest {
    static final String GOOD = """
            dataset: {plugin: mnist, shots: 1, selection: first}
            model: {plugin: two-layer-net, hidden: 20}
            training: {iterations: 10, batchSize: 2, evalEvery: 5}
            strategies:
              "0.1": {plugin: fixed, lr: 0.1}
              H1: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], alpha: 8, beta: 5, then: {plugin: k-min-loss}}
            reporters: [csv]
            """;

    @TempDir
    Path dir;

    /** name, config text (null: no file), overrides, fragments the message must contain. */
    static Stream<Arguments> cases() {
        return Stream.of(
                bad("missing config file", null, List.of(), "does not exist"),
                bad("empty file", "", List.of(), "is empty"),
                bad("binary file", "\0\1\2\3garbage", List.of(), "not a text file"),
                bad("YAML syntax error", "dataset: {plugin: mnist\ntraining: [", List.of(), "exp.yaml:", "YAML syntax error"),
                bad("top level is a list", "- a\n- b\n", List.of(), "top level must be a mapping"),
                bad("unknown top-level key", GOOD + "trainig: {iterations: 5}\n", List.of(), "'trainig'", "did you mean 'training'"),
                bad("unknown training key", GOOD.replace("iterations: 10", "iteration: 10"), List.of(), "training.iteration", "did you mean 'iterations'"),
                bad("iterations not a number", GOOD.replace("iterations: 10", "iterations: ten"), List.of(), "training.iterations", "'ten'", "whole number"),
                bad("iterations zero", GOOD.replace("iterations: 10", "iterations: 0"), List.of(), "training.iterations", "= 0", "between 1"),
                bad("batch size negative", GOOD.replace("batchSize: 2", "batchSize: -1"), List.of(), "training.batchSize", "-1"),
                bad("evalEvery zero", GOOD.replace("evalEvery: 5", "evalEvery: 0"), List.of(), "training.evalEvery"),
                bad("shots zero", GOOD.replace("shots: 1", "shots: 0"), List.of(), "dataset.shots", "= 0"),
                bad("hidden zero", GOOD.replace("hidden: 20", "hidden: 0"), List.of(), "model.hidden", "= 0"),
                bad("hidden fractional", GOOD.replace("hidden: 20", "hidden: 2.5"), List.of(), "model.hidden", "2.5", "whole number"),
                bad("misspelt model option", GOOD.replace("hidden: 20", "hiden: 20"), List.of(), "model.hiden", "did you mean 'hidden'"),
                bad("fixed rate zero", GOOD.replace("lr: 0.1", "lr: 0"), List.of(), "strategies.0.1.lr", "> 0"),
                bad("fixed rate NaN", GOOD.replace("lr: 0.1", "lr: .nan"), List.of(), "strategies.0.1.lr", "finite"),
                bad("fixed rate infinite", GOOD.replace("lr: 0.1", "lr: .inf"), List.of(), "strategies.0.1.lr", "finite"),
                bad("fixed rate as text", GOOD.replace("lr: 0.1", "lr: fast"), List.of(), "strategies.0.1.lr", "'fast'", "must be a number"),
                bad("duplicate key", GOOD + "training: {iterations: 5}\n", List.of(), "exp.yaml:", "duplicate key"),
                bad("alpha below beta", GOOD.replace("alpha: 8", "alpha: 3"), List.of(), "strategies.H1.alpha", "= 3", ">= beta"),
                bad("empty proposals", GOOD.replace("[0.01, 0.1, 1]", "[]"), List.of(), "strategies.H1.proposals", "at least one"),
                bad("unsorted proposals", GOOD.replace("[0.01, 0.1, 1]", "[1, 0.1]"), List.of(), "strategies.H1.proposals", "ascending"),
                bad("negative proposal", GOOD.replace("[0.01, 0.1, 1]", "[-1, 0.1]"), List.of(), "strategies.H1.proposals", "> 0"),
                bad("unknown strategy plugin", GOOD.replace("plugin: fixed", "plugin: fixd"), List.of(), "strategies.0.1.plugin", "'fixd'", "did you mean 'fixed'", "known: armijo, cosine, d-adaptation, dog, exponential, fixed, h-proposal-search"),
                bad("unknown then plugin", GOOD.replace("then: {plugin: k-min-loss}", "then: {plugin: k-max-loss}"), List.of(), "strategies.H1.then.plugin", "'k-max-loss'", "known:"),
                bad("then does not accept a bound", GOOD.replace("then: {plugin: k-min-loss}", "then: {plugin: h-proposal-search, proposals: [0.1]}"), List.of(), "strategies.H1.then", "does not accept a bound"),
                bad("unknown model plugin", GOOD.replace("two-layer-net", "three-layer-net"), List.of(), "model.plugin", "known: cnn, mlp, two-layer-net"),
                bad("unknown dataset plugin", GOOD.replace("plugin: mnist", "plugin: cifar"), List.of(), "dataset.plugin", "'cifar'", "known: csv, fashion-mnist, idx, mnist"),
                bad("unknown reporter", GOOD.replace("[csv]", "[csv, pdf]"), List.of(), "reporters[1].plugin", "'pdf'", "known:"),
                bad("bad selection", GOOD.replace("selection: first", "selection: best"), List.of(), "dataset.selection", "'best'", "first, random"),
                bad("bad sampling", GOOD.replace("evalEvery: 5", "evalEvery: 5, sampling: sometimes"), List.of(), "training.sampling", "with-replacement, epochs"),
                bad("divergence factor below one", GOOD.replace("evalEvery: 5", "evalEvery: 5, divergenceFactor: 0.5"), List.of(), "training.divergenceFactor", "> 1"),
                bad("seeds zero", GOOD + "seeds: 0\n", List.of(), "'seeds'", "between 1"),
                bad("strategy label not defined", GOOD + "strategy: H3\n", List.of(), "'strategy'", "'H3'", "0.1, H1"),
                bad("grid key that does not exist", GOOD + "grid: {training.batch: [2, 4]}\n", List.of(), "training.batch", "did you mean 'batchSize'"),
                bad("grid key outside the sweepable sections", GOOD + "grid: {seeds: [1, 2]}\n", List.of(), "grid.seeds", "no such key to sweep"),
                bad("empty grid list", GOOD + "grid: {model.hidden: []}\n", List.of(), "grid.model.hidden", "non-empty list"),
                bad("missing extends file", "extends: nowhere.yaml\n" + GOOD, List.of(), "'extends'", "nowhere.yaml", "does not exist"),
                bad("report reference missing", GOOD + "report: {reference: nope.csv}\n", List.of(), "report.reference", "does not exist"),
                bad("report columns not swept", GOOD + "report: {columns: model.hidden}\n", List.of(), "report.columns",
                        "'model.hidden'", "swept key", "the grid sweeps: strategy"),
                bad("report baseline not a strategy", GOOD + "report: {baseline: H2}\n", List.of(), "report.baseline", "'H2'",
                        "labels: 0.1, H1, or all"),
                bad("SGD-only strategy with adam", GOOD.replace("reporters: [csv]", "  A: {plugin: armijo}\nreporters: [csv]")
                        + "optimizers: {adam: {plugin: adam}}\n",
                        List.of(), "optimizers.adam", "strategies.A (strategy armijo)", "(optimizer adam)", "accepts only the optimizer sgd"),
                bad("adam beta1 of one", GOOD + "optimizers: {adam: {plugin: adam, beta1: 1.0}}\n", List.of(),
                        "optimizers.adam.beta1", "[0, 1)"),
                bad("negative eps", GOOD + "optimizers: {adam: {plugin: adam, eps: -1.0e-8}}\n", List.of(),
                        "optimizers.adam.eps", ">= 0"),
                bad("negative weight decay", GOOD + "optimizers: {m: {plugin: momentum, weightDecay: -0.1}}\n", List.of(),
                        "optimizers.m.weightDecay", ">= 0"),
                bad("unknown optimizer", GOOD + "optimizers: {a: {plugin: adan}}\n", List.of(), "optimizers.a.plugin",
                        "did you mean 'adam'", "known: adam, adamw, momentum, prodigy, schedule-free-sgd, sgd"),
                bad("report target fraction above one", GOOD + "report: {target: {fraction: 1.5}}\n", List.of(),
                        "report.target.fraction", "(0, 1]"),
                bad("report target unknown key", GOOD + "report: {target: {acc: 0.5}}\n", List.of(), "report.target.acc",
                        "fraction, accuracy"),
                bad("report profileMax not above one", GOOD + "report: {profileMax: 1}\n", List.of(), "report.profileMax", "> 1"),
                bad("tuning an unknown strategy label", GOOD + "tuning: {budget: 2, space: {H9: {lr: {log: [0.01, 1]}}}}\n",
                        List.of(), "tuning.space.H9", "no such strategy label", "labels: 0.1, H1"),
                bad("tuning an unknown option", GOOD + "tuning: {budget: 2, objective: final-train-loss, space: {\"0.1\": {rate: {log: [0.01, 1]}}}}\n",
                        List.of(), "tuning.space.0.1.rate", "unknown option of strategy plugin fixed", "its options: lr"),
                bad("tuning range outside the valid values", GOOD + "tuning: {budget: 2, objective: final-train-loss, space: {\"0.1\": {lr: {linear: [-1, 1]}}}}\n",
                        List.of(), "tuning.space.0.1.lr", "outside the option's valid values"),
                bad("tuning grid of another size", GOOD + "tuning: {budget: 4, sampler: grid, objective: final-train-loss, space: {\"0.1\": {lr: {grid: [0.01, 0.1, 1]}}}}\n",
                        List.of(), "tuning.budget", "size of the grid", "3 candidates"),
                bad("tuning log bound not above zero", GOOD + "tuning: {budget: 2, objective: final-train-loss, space: {\"0.1\": {lr: {log: [0, 1]}}}}\n",
                        List.of(), "tuning.space.0.1.lr.log", "bounds > 0"),
                bad("tuning seed that is an evaluation seed", GOOD + "seeds: [0, 1]\ntuning: {budget: 2, seeds: [1, 2], objective: final-train-loss, space: {\"0.1\": {lr: {log: [0.01, 1]}}}}\n",
                        List.of(), "tuning.seeds", "seed 1 is also an evaluation seed"),
                bad("tuning on validation accuracy without a validation set", GOOD + "tuning: {budget: 2, space: {\"0.1\": {lr: {log: [0.01, 1]}}}}\n",
                        List.of(), "tuning.objective", "needs a validation set", "dataset.validation"),
                bad("malformed override", GOOD, List.of("training.iterations"), "command line", "malformed", "key.path=value"),
                bad("override of an unknown key", GOOD, List.of("training.foo=1"), "command line", "training.foo"),
                bad("override with a bad value", GOOD, List.of("training.batchSize=[2"), "command line", "training.batchSize", "not valid YAML"),
                bad("override with wrong type", GOOD, List.of("model.hidden=many"), "command line", "model.hidden", "'many'"));
    }

    static Arguments bad(String name, String yaml, List<String> overrides, String... fragments) {
        return Arguments.of(name, yaml, overrides, List.of(fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithExitCode2AndAClearMessageBeforeWritingAnything(String name, String yaml, List<String> overrides,
                                                                   List<String> fragments) throws IOException {
        Path cfg = dir.resolve("exp.yaml");
        if (yaml != null) {
            Files.writeString(cfg, yaml);
        }
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", cfg.toString(), "--out", out.toString()));
        args.addAll(overrides);
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(2);
        assertThat(cli.err).as(cli.toString()).startsWith("error: ").contains(fragments);
        assertThat(cli.err).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        if (yaml != null && !overrides.isEmpty() == false && !name.contains("extends")) {
            assertThat(cli.err).as("names the file").contains("exp.yaml");
        }
        assertThat(out).as("nothing written").doesNotExist();
    }

    @ParameterizedTest(name = "extends cycle")
    @MethodSource("none")
    void refusesAnExtendsCycle() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n" + GOOD);
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        Cli cli = Cli.run("run", dir.resolve("a.yaml").toString(), "--out", dir.resolve("out").toString());
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err).contains("extends cycle").contains("a.yaml -> b.yaml -> a.yaml");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @ParameterizedTest(name = "report.baseline: all")
    @MethodSource("none")
    void reportBaselineAllComparesEveryPairAndIsAccepted() throws IOException {
        Files.writeString(dir.resolve("all.yaml"), GOOD + "report: {baseline: all}\n");
        Cli cli = Cli.run("validate", dir.resolve("all.yaml").toString());
        assertThat(cli.err).doesNotContain("report.baseline");
        assertThat(cli.exitCode).as(cli.toString()).isZero();
    }

    static Stream<Arguments> none() {
        return Stream.of(Arguments.of());
    }
}
