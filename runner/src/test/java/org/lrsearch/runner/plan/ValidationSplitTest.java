package org.lrsearch.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.testplugins.BundledPlugins;

/** dataset.validation: V images per class from the training file, beside the k-shot set, the same for a block. */
class ValidationSplitTest {
    @TempDir
    Path dir;

    /** @param overrides e.g. {@code dataset.validation=3} */
    private ExperimentPlan plan(String... overrides) throws IOException {
        Path p = dir.resolve("v.yaml");
        Files.writeString(p, """
                dataset: {plugin: mnist, shots: 2, selection: random}
                training: {iterations: 10}
                strategies: {a: {plugin: fixed, lr: 0.1}, b: {plugin: fixed, lr: 0.01}}
                seeds: 2
                """);
        return BundledPlugins.planner().plan(ComposedConfig.load(p, List.of(overrides)), Planner.DataCheck.NONE);
    }

    @Test
    void everyStrategyOfASeedSeesTheSameValidationImagesNoneOfThemInItsKShotSet() throws IOException {
        ExperimentPlan plan = plan("dataset.validation=3");
        assertThat(plan.runs()).hasSize(4).allSatisfy(r -> {
            assertThat(r.request().validation()).isEqualTo(3);
            assertThat(r.spec().coordinates()).containsEntry("dataset.validation", 3);
        });
        // Runs in grid order: a seed 0, a seed 1, b seed 0, b seed 1.
        FewShotTask a0 = BoundPlugin.load(plan.runs().get(0).dataset(), plan.runs().get(0).request());
        FewShotTask a1 = BoundPlugin.load(plan.runs().get(1).dataset(), plan.runs().get(1).request());
        FewShotTask b0 = BoundPlugin.load(plan.runs().get(2).dataset(), plan.runs().get(2).request());
        assertThat(a0.validation().count()).isEqualTo(30);
        assertThat(b0.validation().values()).isEqualTo(a0.validation().values());
        assertThat(b0.validation().labels()).isEqualTo(a0.validation().labels());
        assertThat(a1.validation().values()).isNotEqualTo(a0.validation().values());
        // No validation image is one of the task's k-shot images.
        int f = a0.train().features();
        for (int v = 0; v < a0.validation().count(); v++) {
            double[] image = Arrays.copyOfRange(a0.validation().values(), v * f, v * f + f);
            for (int t = 0; t < a0.train().count(); t++) {
                assertThat(Arrays.copyOfRange(a0.train().values(), t * f, t * f + f)).isNotEqualTo(image);
            }
        }
    }

    @Test
    void withoutValidationNothingChangesInTheRunIdOrCoordinates() throws IOException {
        ExperimentPlan none = plan();
        ExperimentPlan zero = plan("dataset.validation=0");
        assertThat(none.runs().get(0).spec().coordinates()).doesNotContainKey("dataset.validation");
        assertThat(zero.runs().get(0).spec().runId()).isEqualTo(none.runs().get(0).spec().runId());
        assertThat(plan("dataset.validation=3").runs().get(0).spec().runId())
                .isNotEqualTo(none.runs().get(0).spec().runId());
    }
}
