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

/** Command-line overrides reach swept keys and the grid itself; what they replace is said, what they set is checked. */
class OverridesTest {
    @TempDir
    Path dir;
    static Planner planner;

    @BeforeAll
    static void discover() {
        planner = BundledPlugins.planner();
    }

    Path experiment() throws IOException {
        Path p = dir.resolve("exp.yaml");
        Files.writeString(p, """
                training: {iterations: 10}
                strategies:
                  a: {plugin: fixed, lr: 0.1}
                  b: {plugin: fixed, lr: 0.2}
                grid:
                  strategy: [a, b]
                  dataset.shots: [1, 2]
                """);
        return p;
    }

    ExperimentPlan plan(String... overrides) throws IOException {
        return planner.plan(ComposedConfig.load(experiment(), List.of(overrides)), Planner.DataCheck.NONE);
    }

    static List<Integer> shots(ExperimentPlan plan) {
        return plan.runs().stream().map(r -> r.spec().shots()).toList();
    }

    @Test
    void overridingASweptKeyReplacesTheSweepAndSaysSo() throws IOException {
        ExperimentPlan plan = plan("dataset.shots=3");
        assertThat(shots(plan)).containsExactly(3, 3);
        assertThat(plan.notices()).containsExactly(
                "dataset.shots=3 on the command line replaces the grid's sweep dataset.shots: [1,2]");
        assertThat(plan.runs().get(0).spec().swept()).containsExactly("strategy");
        assertThat(plan.runs().get(0).spec().coordinates()).containsEntry("dataset.shots", 3);
    }

    @Test
    void overridingASweptKeyStillValidatesTheValue() {
        assertThatThrownBy(() -> plan("dataset.shots=abc")).isInstanceOf(ConfigException.class)
                .hasMessage("command line: key 'dataset.shots' = 'abc': must be a whole number between 1 and 1000000");
    }

    @Test
    void gridEntriesAreAddressedByTheirWholeDottedKey() throws IOException {
        assertThat(shots(plan("grid.dataset.shots=[3]"))).containsExactly(3, 3);
        ExperimentPlan added = plan("grid.training.batchSize=[2, 4]");
        assertThat(added.runs()).hasSize(8);
        assertThat(added.runs().get(1).spec().sweptCoordinates())
                .containsExactly(java.util.Map.entry("strategy", "a"), java.util.Map.entry("dataset.shots", 1),
                        java.util.Map.entry("training.batchSize", 4));
        ExperimentPlan removed = plan("grid.dataset.shots=null");
        assertThat(shots(removed)).containsExactly(1, 1);
        assertThat(removed.notices()).isEmpty();
    }

    @Test
    void aBadGridValueFromTheCommandLineIsBlamedThereWithItsGridKey() {
        assertThatThrownBy(() -> plan("grid.dataset.shots=[abc]")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("command line: key 'grid.dataset.shots' = 'abc': must be a whole number");
        assertThatThrownBy(() -> plan("grid.strategy=[c]")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("command line: key 'grid.strategy' = 'c': no such strategy label");
    }

    @Test
    void aBadGridValueInTheFileIsBlamedOnTheFileAsTyped() throws IOException {
        Path p = dir.resolve("bad.yaml");
        Files.writeString(p, """
                strategies: {a: {plugin: fixed, lr: 0.1}}
                grid: {dataset.shots: [0]}
                """);
        assertThatThrownBy(() -> planner.plan(ComposedConfig.load(p, List.of()), Planner.DataCheck.NONE))
                .hasMessageStartingWith(p + ": key 'grid.dataset.shots' = 0: must be between 1 and");
    }

    @Test
    void filesAreNamedAsTheUserTypedThemBaseFilesBesideThem() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("cfg"));
        Files.writeString(sub.resolve("base.yaml"), "strategies: {a: {plugin: fixed, lr: -1}}\n");
        Files.writeString(sub.resolve("exp.yaml"), "extends: base.yaml\n");
        Path typed = Path.of("").toAbsolutePath().relativize(sub.resolve("exp.yaml"));
        assertThatThrownBy(() -> planner.plan(ComposedConfig.load(typed, List.of()), Planner.DataCheck.NONE))
                .hasMessageStartingWith(typed.resolveSibling("base.yaml") + ": key 'strategies.a.lr'");
    }

    @Test
    void unknownDatasetAndModelKeysListTheCoreKeysAndSuggestTheNearest() {
        assertThatThrownBy(() -> plan("dataset.shot=2")).hasMessageContaining("key 'dataset.shot'")
                .hasMessageContaining("did you mean 'shots'?").hasMessageContaining("valid keys: plugin, shots, selection, validation, dir");
        assertThatThrownBy(() -> plan("model.hiden=2")).hasMessageContaining("did you mean 'hidden'?")
                .hasMessageContaining("valid keys: plugin, hidden");
    }

    @Test
    void equivalentNestedStrategySpecsGiveTheSameRunIds() throws IOException {
        Path bare = dir.resolve("bare.yaml"), spelled = dir.resolve("spelled.yaml");
        Files.writeString(bare, "strategies: {s: {plugin: h-proposal-search, proposals: [0.01, 0.1]}}\n");
        Files.writeString(spelled, """
                strategies:
                  s: {plugin: h-proposal-search, proposals: [0.01, 0.1], alpha: 8,
                      then: {plugin: k-min-loss, fractions: [0.5, 1.0], lossOn: minibatch}}
                """);
        String a = planner.plan(ComposedConfig.load(bare, List.of()), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        String b = planner.plan(ComposedConfig.load(spelled, List.of()), Planner.DataCheck.NONE).runs().get(0).spec().runId();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theNameMustBeAPlainFolderName() throws IOException {
        for (String bad : List.of("../../../somewhere/x", "a/b", "..", ".", "", "a b")) {
            assertThatThrownBy(() -> plan("name=\"" + bad + "\"")).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("key 'name'").hasMessageContaining("plain name");
        }
        assertThat(plan("name=my-run_2.v1").name()).isEqualTo("my-run_2.v1");
    }

    @Test
    void thePlanIdentityIgnoresNamesAndReportsButNotTheRuns() throws IOException {
        PlanIdentity base = plan().identity();
        assertThat(plan("name=other", "report.title=x").identity().fingerprint()).isEqualTo(base.fingerprint());
        PlanIdentity longer = plan("training.iterations=20").identity();
        assertThat(longer.fingerprint()).isNotEqualTo(base.fingerprint());
        assertThat(longer.differencesFrom(base)).contains("training.iterations: 10 -> 20")
                .anyMatch(l -> l.startsWith("4 stored runs are not in the current plan, 4 planned runs are new"));
    }
}
