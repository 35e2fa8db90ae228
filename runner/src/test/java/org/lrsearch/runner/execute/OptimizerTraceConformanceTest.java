package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.ParameterSpace;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.plugins.Optimizers;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.plugins.Strategies;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * The optimizers of docs/OPTIMIZERS.md against the golden traces of an independent NumPy implementation
 * (shared/golden/optimizers, copied into test resources; DoG's, a strategy on plain SGD, runs in
 * {@link StrategyTraceConformanceTest}): through the real trainer, step context, optimizer plugin and
 * two-layer net, as {@code lrsearch run} uses them. Every decision exactly (the searcher's cases, the
 * selector's choice, the committed rate), every number within the trace's tolerance (losses before and
 * after, ‖d‖², Prodigy's d, d̂, d′, N′ and ‖s′‖₁, Schedule-Free's γ, c, W and the loss at x), G within
 * its percentage points, and the final state, training loss and test accuracy at the evaluation point;
 * for Schedule-Free also at the training point y.
 */
class OptimizerTraceConformanceTest {
    private static ModelPlugin<?> net;
    private static ModelPlugin<?> mlp;
    private static Strategies strategies;
    private static Optimizers optimizers;
    /** Trace fields recorded as scalars by the optimizer, by the same name. */
    private static final List<String> NUMBERS = List.of("directionNormSq", "d", "dHat", "dNext", "dNumerator", "sL1",
            "scheduledLr", "c", "weightSum");

    @BeforeAll
    static void discover() {
        Registry registry = BundledPlugins.registry();
        net = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("two-layer-net");
        mlp = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("mlp");
        strategies = new Strategies(registry.typed(Registry.Kind.STRATEGY));
        optimizers = new Optimizers(registry.typed(Registry.Kind.OPTIMIZER));
    }

    /**
     * @param model {@code two-layer-net} (linear optimizers in its compact coordinates, the others dense; the
     *              replay that gives lossAfter always dense) or {@code mlp} (the general perceptron, dense)
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"momentum-fixed, two-layer-net", "nesterov-fixed, two-layer-net", "adam-fixed, two-layer-net",
            "adamw-fixed, two-layer-net", "prodigy, two-layer-net", "schedule-free-sgd, two-layer-net",
            "h1-momentum, two-layer-net", "momentum-fixed, mlp", "adam-fixed, mlp", "prodigy, mlp",
            "schedule-free-sgd, mlp", "h1-momentum, mlp"})
    void reproducesEveryDecisionAndNumberOfTheGoldenTrace(String name, String modelId) {
        Golden g = Golden.load("optimizers/" + name);
        FewShotTask task = g.task();
        Map<String, Object> optimizerSpec = StrategyTraceConformanceTest.spec(g.root.get("optimizer"));
        Optimizer optimizer = optimizers.build("optimizer", optimizerSpec, k -> g.name);
        boolean isMlp = modelId.equals("mlp");
        Model model = isMlp ? g.mlp(mlp, task) : g.model(net, task, "incremental");
        // The two-layer net's compact coordinates serve exactly the linear optimizers.
        assertThat(TrainingContext.spaceFor(model, optimizer) == model.compactSpace() && !isMlp)
                .isEqualTo(optimizer.linear() && !isMlp);
        Replay replay = new Replay(isMlp ? g.mlp(mlp, task) : g.model(net, task, "incremental"),
                optimizers.build("optimizer", optimizerSpec, k -> g.name));
        LrStrategy strategy = strategies.build("strategy", StrategyTraceConformanceTest.spec(g.root.get("strategy")),
                k -> g.name);
        List<Trainer.IterationRecord> records = new ArrayList<>();
        RunResult result = g.train(task, model, strategy, optimizer, replay, records);

        JsonNode expected = g.root.get("expected");
        JsonNode its = expected.get("iterations");
        assertThat(records).hasSize(its.size());
        Map<String, Map<Integer, Double>> scalars = Golden.scalarsByIteration(result);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < its.size(); i++) {
            JsonNode e = its.get(i);
            Trainer.IterationRecord r = records.get(i);
            String at = "iteration " + i + " ";
            g.checkIteration(failures, i, e, r, value(replay.lossAfter, i));
            if (e.has("evalLossAfter")) {
                g.check(failures, at + "evalLossAfter", e.get("evalLossAfter").asDouble(), value(replay.evalLossAfter, i));
            }
            for (String field : NUMBERS) {
                if (e.has(field)) {
                    g.check(failures, at + field, e.get(field).asDouble(), value(scalars.getOrDefault(field, Map.of()), i));
                }
            }
        }
        if (expected.has("delta") && expected.get("delta").asDouble() != result.result("delta")) {
            failures.add(g.where("delta (exact)", expected.get("delta").asDouble(), result.result("delta")));
        }
        if (expected.has("evaluationPoint")) {
            // Measured at x (the run's result), and the training point y checked on its own.
            ParameterSpace space = TrainingContext.spaceFor(model, optimizer);
            double[] y = new double[space.size()], x = new double[y.length];
            space.parameters(y);
            assertThat(optimizer.evaluationPoint(y, x)).isTrue();
            space.moveTo(x);
            g.checkFinal(result, model.tensors(), failures);
            space.moveTo(y);
            g.checkTensors("training point", expected.get("finalTrainingPoint"), model.tensors(), failures);
            g.check(failures, "trainLoss at the training point", expected.get("trainLossAtTrainingPoint").asDouble(),
                    model.trainLoss());
            assertThat(model.testAccuracy()).isEqualTo(expected.get("testAccuracyAtTrainingPoint").asDouble())
                    .isNotEqualTo(result.testAccuracy());
        } else {
            g.checkFinal(result, model, failures);
        }
        Golden.assertNoFailures(failures);
    }

    private static double value(Map<Integer, Double> byIteration, int i) {
        Double v = byIteration.get(i);
        return v == null ? Double.NaN : v;
    }
}
