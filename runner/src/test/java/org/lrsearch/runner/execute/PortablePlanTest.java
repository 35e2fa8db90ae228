package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunStatus;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.store.ResultCodec;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * What a distributed engine relies on: a plan serialized, rebuilt in a worker and executed by
 * position gives the results the driver's own executor gives, and results survive the trip back.
 */
class PortablePlanTest {
    @TempDir
    Path dir;

    ExperimentPlan plan(String... overrides) throws IOException {
        Random rnd = new Random(3);
        StringBuilder train = new StringBuilder();
        StringBuilder test = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            int label = i % 3;
            StringBuilder row = new StringBuilder().append(label);
            for (int f = 0; f < 4; f++) {
                row.append(',').append(label * 0.5 + rnd.nextGaussian() * 0.3);
            }
            (i < 40 ? train : test).append(row).append('\n');
        }
        Files.writeString(dir.resolve("train.csv"), train);
        Files.writeString(dir.resolve("test.csv"), test);
        Path config = dir.resolve("exp.yaml");
        Files.writeString(config, """
                dataset: {plugin: csv, train: "%s", test: "%s", shots: 2}
                model: {hidden: 5}
                training: {iterations: 60, batchSize: 2, evalEvery: 20}
                strategies:
                  a: {plugin: fixed, lr: 0.1}
                  m: {plugin: k-min-loss, candidates: [0.05, 0.1]}
                  s: {plugin: sps}
                grid: {strategy: [a, m, s]}
                seeds: [1, 2]
                """.formatted(dir.resolve("train.csv"), dir.resolve("test.csv")));
        return BundledPlugins.planner().plan(ComposedConfig.load(config, List.of(overrides)), Planner.DataCheck.NONE);
    }

    static PortablePlan serializedAndBack(PortablePlan p) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PortablePlan) in.readObject();
        }
    }

    @Test
    void aWorkerRebuildsThePlanAndComputesTheDriversNumbers() throws Exception {
        ExperimentPlan plan = plan("training.iterations=61");
        PortablePlan shipped = serializedAndBack(PortablePlan.of(plan));
        PortablePlan.Worker worker = shipped.worker(getClass().getClassLoader());
        RunExecutor local = BundledPlugins.injector().getInstance(RunExecutor.class);
        for (int i = 0; i < plan.runs().size(); i++) {
            RunResult there = ResultCodec.decode(ResultCodec.encode(worker.execute(i, () -> false)));
            RunResult here = local.execute(plan.runs().get(i), plan.config(), () -> false);
            assertThat(here.status()).as(here.message()).isEqualTo(RunStatus.OK);
            // As the store keeps it: JSON (a long option read back may be an Integer; the text is the same).
            assertThat(Mappers.toJson(there.spec())).isEqualTo(Mappers.toJson(here.spec()));
            assertThat(there.testAccuracy()).isEqualTo(here.testAccuracy());
            assertThat(there.finalTrainLoss()).isEqualTo(here.finalTrainLoss());
            assertThat(there.curve()).isEqualTo(here.curve());
            assertThat(there.lrSegments()).isEqualTo(here.lrSegments());
            assertThat(there.forwardPasses()).isEqualTo(here.forwardPasses());
            assertThat(there.results()).isEqualTo(here.results());
        }
    }

    @Test
    void aWorkerThatPlansDifferentlyRefusesToRun() throws Exception {
        PortablePlan p = PortablePlan.of(plan());
        PortablePlan forged = new PortablePlan(p.file(), p.tree(), p.origins(), "not-the-drivers-plan", p.winners());
        assertThatThrownBy(() -> forged.worker(getClass().getClassLoader()))
                .hasMessageContaining("differently from the driver").hasMessageContaining("--plugins");
    }

    @Test
    void resultsCrossJvmsBitForBitWithNonFiniteNumbers() throws Exception {
        ExperimentPlan plan = plan();
        RunResult r = BundledPlugins.injector().getInstance(RunExecutor.class).execute(plan.runs().get(3), plan.config(), () -> false);
        RunResult odd = new RunResult(r.spec(), r.status(), "message", r.stoppedAt(), Double.NaN, Double.POSITIVE_INFINITY,
                Map.of("delta", 0.1 + 0.2, "neg", Double.NEGATIVE_INFINITY), r.forwardPasses(), r.backwardPasses(),
                r.wallMs(), r.evalMs(), r.curve(), r.events(), r.lrSegments(), r.scalars(), List.of("w"));
        RunResult back = ResultCodec.decode(ResultCodec.encode(odd));
        assertThat(back.testAccuracy()).isNaN();
        assertThat(back.finalTrainLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.results()).isEqualTo(odd.results());
        assertThat(back.curve()).isEqualTo(odd.curve());
        assertThat(back.events()).isEqualTo(odd.events());
        assertThat(back.lrSegments()).isEqualTo(odd.lrSegments());
        assertThat(back.warnings()).containsExactly("w");
        assertThat(back.scalars()).hasSameSizeAs(odd.scalars());
        for (int i = 0; i < odd.scalars().size(); i++) {
            assertThat(back.scalars().get(i).iterations()).isEqualTo(odd.scalars().get(i).iterations());
            assertThat(back.scalars().get(i).values()).isEqualTo(odd.scalars().get(i).values());
        }
        assertThat(Mappers.toJson(back.spec())).isEqualTo(Mappers.toJson(odd.spec()));
    }
}
