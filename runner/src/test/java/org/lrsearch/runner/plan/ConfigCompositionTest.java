package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.ConfigException;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.testplugins.BundledPlugins;

class ConfigCompositionTest {
    @TempDir
    Path dir;
    static Planner planner;

    @BeforeAll
    static void discover() {
        planner = BundledPlugins.planner();
    }

    Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void extendsDeepMergesAndOverridesWin() throws IOException {
        write("base/base.yaml", """
                dataset: {plugin: mnist, shots: 1}
                training: {iterations: 100, batchSize: 2}
                strategies: {"0.1": {plugin: fixed, lr: 0.1}}
                """);
        Path child = write("child.yaml", """
                extends: base/base.yaml
                training: {batchSize: 4}
                """);
        ComposedConfig c = ComposedConfig.load(child, List.of("training.iterations=50", "model.hidden=7"));
        Map<String, Object> training = Mappers.map(c.tree().get("training"));
        assertThat(training).containsEntry("iterations", 50).containsEntry("batchSize", 4);
        assertThat(Mappers.map(c.tree().get("dataset"))).containsEntry("shots", 1);
        assertThat(c.originOf("training.batchSize")).endsWith("child.yaml");
        assertThat(c.originOf("dataset.shots")).endsWith("base.yaml");
        assertThat(c.originOf("training.iterations")).isEqualTo("command line");
        assertThat(c.originOf("model.hidden")).isEqualTo("command line");
    }

    @Test
    void aKeySetToNullRemovesWhatTheBaseFileSet() throws IOException {
        write("base.yaml", "model: {plugin: two-layer-net, hidden: 20}\nstrategies: {a: {plugin: fixed, lr: 0.1}}\n");
        Path child = write("mlp.yaml", "extends: base.yaml\nmodel: {plugin: mlp, hidden: null, layers: [5, 5]}\n");
        ComposedConfig c = ComposedConfig.load(child, List.of());
        assertThat(Mappers.map(c.tree().get("model"))).containsOnlyKeys("plugin", "layers");
        ExperimentPlan plan = planner.plan(c, Planner.DataCheck.NONE);
        assertThat(plan.runs().get(0).spec().coordinates()).containsEntry("model.layers", List.of(5, 5));
    }

    @Test
    void gridExpandsToCartesianProductTimesSeedsFirstKeyOutermost() throws IOException {
        Path p = write("g.yaml", """
                training: {iterations: 10}
                strategies:
                  a: {plugin: fixed, lr: 0.1}
                  b: {plugin: fixed, lr: 0.2}
                grid:
                  strategy: [a, b]
                  training.batchSize: [2, 4, 8]
                  model.hidden: [20, 50]
                seeds: 2
                """);
        ExperimentPlan plan = planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE);
        assertThat(plan.runs()).hasSize(2 * 3 * 2 * 2);
        assertThat(plan.runs()).extracting(r -> r.spec().strategy()).startsWith("a", "a", "a", "a").endsWith("b");
        assertThat(plan.runs().subList(0, 4)).extracting(r -> r.spec().coordinate("model.hidden") + "/" + r.spec().seed())
                .containsExactly("20/0", "20/1", "50/0", "50/1");
        assertThat(plan.runs()).extracting(r -> r.spec().runId()).doesNotHaveDuplicates();
    }

    @Test
    void withoutStrategyKeyEveryNamedStrategyRuns() throws IOException {
        Path p = write("s.yaml", """
                strategies:
                  x: {plugin: fixed, lr: 0.1}
                  y: {plugin: h-proposal-search, proposals: [0.01, 0.1]}
                """);
        ExperimentPlan plan = planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE);
        assertThat(plan.runs()).extracting(r -> r.spec().strategy()).containsExactly("x", "y");
        // Defaults filled in: the normalised spec shows alpha, beta and the default successor.
        assertThat(plan.strategies().get("y")).containsEntry("alpha", 8.0).containsEntry("beta", 5.0);
    }

    @Test
    void runIdIsStableAndDependsOnConfigAndSeed() throws IOException {
        Path p = write("r.yaml", "strategies: {a: {plugin: fixed, lr: 0.1}}\n");
        String id1 = planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        String id2 = planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        String id3 = planner.plan(ComposedConfig.load(p, List.of("seeds=[1]")), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        String id4 = planner.plan(ComposedConfig.load(p, List.of("training.batchSize=4")), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        // Writing a default explicitly does not change the run.
        String id5 = planner.plan(ComposedConfig.load(p, List.of("training.iterations=10000")), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        assertThat(id1).isEqualTo(id2).isEqualTo(id5).hasSize(12);
        assertThat(id3).isNotEqualTo(id1);
        assertThat(id4).isNotEqualTo(id1);
    }

    @Test
    void nestedStrategyErrorNamesTheFullKey() throws IOException {
        Path p = write("n.yaml", """
                strategies:
                  H1: {plugin: h-proposal-search, proposals: [1, 10], then: {plugin: k-min-loss, fractions: [0.5, -1]}}
                """);
        assertThatThrownBy(() -> planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("n.yaml").hasMessageContaining("strategies.H1.then.fractions")
                .hasMessageContaining("[0.5,-1.0]");
    }
}
