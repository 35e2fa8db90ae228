package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.testplugins.BundledPlugins;

/** The optimizers: and optimizer: keys, the grid's optimizer sweep, and the composition rule of docs/OPTIMIZERS.md. */
class OptimizerConfigTest {
    @TempDir
    Path dir;
    static Planner planner;

    @BeforeAll
    static void discover() {
        planner = BundledPlugins.planner();
    }

    private ExperimentPlan plan(String yaml) throws IOException {
        Path p = dir.resolve("study.yaml");
        Files.writeString(p, "training: {iterations: 10, batchSize: 2}\n" + yaml);
        return planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE);
    }

    @Test
    void aConfigWithoutOptimizersRunsPlainSgdAndKeepsItsRunIdsAndCoordinates() throws IOException {
        ExperimentPlan plan = plan("strategies: {\"0.1\": {plugin: fixed, lr: 0.1}}\n");
        PlannedRun r = plan.runs().get(0);
        assertThat(r.resolved()).doesNotContainKey("optimizer");
        assertThat(r.spec().coordinates()).doesNotContainKey("optimizer");
        assertThat(r.spec().strategy()).isEqualTo("0.1");
        assertThat(r.optimizerSpec()).containsEntry("plugin", "sgd");
        assertThat(plan.identity().plugins()).doesNotContainKey("optimizer:sgd");
    }

    @Test
    void everyDefinedOptimizerIsSweptAndEachMethodIsTheStrategyOnItsOptimizer() throws IOException {
        ExperimentPlan plan = plan("""
                strategies: {"0.1": {plugin: fixed, lr: 0.1}, H1: {plugin: h-proposal-search, proposals: [0.01, 0.1, 1], then: {plugin: k-min-loss}}}
                optimizers: {sgd: {plugin: sgd}, m9: {plugin: momentum}, adam: {plugin: adam, beta2: 0.99}}
                """);
        assertThat(plan.runs()).hasSize(6);
        assertThat(plan.runs().stream().map(r -> r.spec().strategy()))
                .containsExactly("0.1+sgd", "0.1+m9", "0.1+adam", "H1+sgd", "H1+m9", "H1+adam");
        PlannedRun adam = plan.runs().get(2);
        assertThat(adam.spec().coordinates()).containsEntry("optimizer", "adam").containsEntry("strategy", "0.1");
        // Options normalised with their defaults, so equivalent configs hash alike.
        assertThat(adam.optimizerSpec()).containsEntry("beta2", 0.99).containsEntry("beta1", 0.9).containsEntry("eps", 1e-8);
        assertThat(adam.resolved()).containsKey("optimizer");
        // Plain SGD, named or not, keeps the run id it had before optimizers existed.
        assertThat(plan.runs().get(0).resolved()).doesNotContainKey("optimizer");
        assertThat(plan.runs().get(0).spec().runId()).isEqualTo(plan("strategies: {\"0.1\": {plugin: fixed, lr: 0.1}}\n")
                .runs().get(0).spec().runId());
        assertThat(plan.runs().stream().map(r -> r.spec().runId()).distinct()).hasSize(6);
    }

    @Test
    void theGridOrOptimizerKeyChoosesAmongTheLabels() throws IOException {
        ExperimentPlan swept = plan("""
                strategies: {a: {plugin: fixed, lr: 0.1}}
                optimizers: {sgd: {plugin: sgd}, m9: {plugin: momentum}, adam: {plugin: adam}}
                grid: {optimizer: [adam, m9]}
                """);
        assertThat(swept.runs().stream().map(r -> r.spec().strategy())).containsExactly("a+adam", "a+m9");
        ExperimentPlan one = plan("""
                strategies: {a: {plugin: fixed, lr: 0.1}}
                optimizers: {sgd: {plugin: sgd}, m9: {plugin: momentum}}
                optimizer: m9
                """);
        // Not swept: the strategy label names the method.
        assertThat(one.runs()).singleElement().extracting(r -> r.spec().strategy()).isEqualTo("a");
        assertThat(one.runs().get(0).spec().coordinates()).containsEntry("optimizer", "m9");
    }

    @Test
    void aStrategyPinnedToAnOptimizerRunsOnItAloneWhateverTheGridSweeps() throws IOException {
        ExperimentPlan plan = plan("""
                strategies: {"0.1": {plugin: fixed, lr: 0.1}, one: {plugin: fixed, lr: 1.0, optimizer: prodigy},
                             DoG: {plugin: dog, optimizer: sgd}}
                optimizers: {sgd: {plugin: sgd}, adam: {plugin: adam}, prodigy: {plugin: prodigy}}
                grid: {optimizer: [sgd, adam], training.batchSize: [2, 8]}
                """);
        assertThat(plan.runs().stream().map(r -> r.spec().strategy() + "@" + r.spec().batchSize())).containsExactly(
                "0.1+sgd@2", "0.1+sgd@8", "0.1+adam@2", "0.1+adam@8", "one+prodigy@2", "one+prodigy@8", "DoG+sgd@2",
                "DoG+sgd@8");
        assertThatThrownBy(() -> plan("""
                strategies: {one: {plugin: fixed, lr: 1.0, optimizer: prodigi}}
                optimizers: {prodigy: {plugin: prodigy}}
                """)).hasMessageContaining("strategies.one.optimizer").hasMessageContaining("did you mean 'prodigy'");
    }

    @Test
    void anSgdOnlyStrategyWithAnotherOptimizerIsRefusedNamingBothPluginsAndTheAcceptedOne() throws IOException {
        assertThatThrownBy(() -> plan("""
                strategies: {ok: {plugin: fixed, lr: 0.1}, A: {plugin: armijo}}
                optimizers: {sgd: {plugin: sgd}, adam: {plugin: adam}}
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("study.yaml").hasMessageContaining("strategies.A (strategy armijo)")
                .hasMessageContaining("optimizers.adam (optimizer adam)").hasMessageContaining("only the optimizer sgd");
        // Also as a searcher's successor.
        assertThatThrownBy(() -> plan("""
                strategies: {S: {plugin: h-proposal-search, proposals: [0.01, 0.1], then: {plugin: d-adaptation}}}
                optimizers: {m9: {plugin: momentum}}
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("strategies.S.then (strategy d-adaptation)");
        // With plain SGD it composes.
        assertThat(plan("""
                strategies: {A: {plugin: armijo}, D: {plugin: dog}}
                optimizers: {plain: {plugin: sgd}}
                """).runs()).hasSize(2);
    }

    @Test
    void unknownOptimizersLabelsAndBadOptionsAreClearErrors() {
        assertThatThrownBy(() -> plan("strategies: {a: {plugin: fixed, lr: 0.1}}\noptimizers: {x: {plugin: adamm}}\n"))
                .hasMessageContaining("optimizers.x.plugin").hasMessageContaining("did you mean").hasMessageContaining("adam");
        assertThatThrownBy(() -> plan("strategies: {a: {plugin: fixed, lr: 0.1}}\noptimizers: {x: {plugin: adam, beta1: 1}}\n"))
                .hasMessageContaining("optimizers.x.beta1").hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> plan("strategies: {a: {plugin: fixed, lr: 0.1}}\noptimizers: {x: {plugin: sgd}}\noptimizer: y\n"))
                .hasMessageContaining("no such optimizer label").hasMessageContaining("x");
        assertThatThrownBy(() -> plan("strategies: {a: {plugin: fixed, lr: 0.1}}\noptimizer: adam\n"))
                .hasMessageContaining("no optimizers are defined");
    }
}
