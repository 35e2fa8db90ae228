package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.plugins.Strategies;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * The method against the golden traces computed by the NumPy reference (shared/golden, copied
 * into test resources): every search round's decision, H and G, every chosen rate and loss, δ,
 * the final parameter checksums, the training loss and the test accuracy. Tolerances are the
 * files' own; a failure names the trace, the iteration and the field.
 */
class GoldenTraceConformanceTest {
    private static Registry registry;
    private static ModelPlugin<?> net;
    private static ModelPlugin<?> mlp;
    private static Strategies strategies;

    @BeforeAll
    static void discover() {
        registry = BundledPlugins.registry();
        net = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("two-layer-net");
        mlp = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("mlp");
        Map<String, LrStrategyPlugin<?>> s = registry.typed(Registry.Kind.STRATEGY);
        strategies = new Strategies(s);
    }

    /** Runs a golden trace through the real trainer; returns the per-iteration records and the result. */
    private static Object[] train(Golden g, Map<String, Object> strategySpec, String evaluator) {
        FewShotTask task = g.task();
        Model model = evaluator.equals("mlp") ? g.mlp(mlp, task) : g.model(net, task, evaluator);
        Replay replay = new Replay(evaluator.equals("mlp") ? g.mlp(mlp, task) : g.model(net, task, evaluator));
        LrStrategy strategy = strategies.build("strategy", strategySpec, k -> g.name);
        List<Trainer.IterationRecord> records = new ArrayList<>();
        List<Double> lossAfter = new ArrayList<>();
        int iterations = g.iterations();
        RunSpec spec = new RunSpec("golden", "golden", "two-layer-net", g.batch(0).length, 0, "first",
                "golden", String.valueOf(strategySpec.get("plugin")), 0, iterations, iterations,
                Map.of("model.hidden", g.hidden()), List.of());
        Batches batches = g::batch;
        Trainer trainer = new Trainer(spec, model, strategy, task.train().count(), batches, Double.MAX_VALUE, r -> {
            records.add(r);
            replay.iteration(r, g.batch(r.iteration()));
            lossAfter.add(replay.lossAfter.get(r.iteration()));
        }, () -> false);
        RunResult result = trainer.run();
        return new Object[] {records, lossAfter, result, model};
    }

    /** @param evaluator the two-layer net's evaluator, or {@code mlp}: the general perceptron with layers [h], sigmoid */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jvm", "mlp"})
    void fixedRateMatchesEveryLossAfterUpdateAndFinalState(String evaluator) {
        Golden g = Golden.load("fixed-lr-0.1");
        Object[] out = train(g, Map.of("plugin", "fixed", "lr", g.root.get("strategy").get("fixed").asDouble()), evaluator);
        @SuppressWarnings("unchecked")
        List<Double> lossAfter = (List<Double>) out[1];
        JsonNode expected = g.root.get("expected");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < g.iterations(); i++) {
            double e = expected.get("lossAfter").get(i).asDouble();
            if (!g.matches(e, lossAfter.get(i))) {
                failures.add(g.where("iteration " + i + " lossAfter", e, lossAfter.get(i)));
            }
        }
        g.checkFinal((RunResult) out[2], (Model) out[3], failures);
        Golden.assertNoFailures(failures);
    }

    @ParameterizedTest(name = "{0} through {1}")
    @org.junit.jupiter.params.provider.CsvSource({"h1-all-branches, incremental", "h2-all-branches, incremental",
            "h1-hidden50-batch4, incremental", "h1-all-branches, mlp", "h2-all-branches, mlp", "h1-hidden50-batch4, mlp"})
    void searcherAndSelectorReproduceEveryDecision(String name, String evaluator) {
        Golden g = Golden.load(name);
        JsonNode st = g.root.get("strategy");
        Map<String, Object> then = new LinkedHashMap<>();
        then.put("plugin", "k-min-loss");
        then.put("fractions", doubles(st.get("kFractions")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("plugin", "h-proposal-search");
        spec.put("proposals", doubles(st.get("proposals")));
        spec.put("alpha", st.get("alpha").asDouble());
        spec.put("beta", st.get("beta").asDouble());
        spec.put("maxShrinks", st.get("maxShrinks").asInt());
        spec.put("then", then);
        Object[] out = train(g, spec, evaluator);
        @SuppressWarnings("unchecked")
        List<Trainer.IterationRecord> records = (List<Trainer.IterationRecord>) out[0];
        @SuppressWarnings("unchecked")
        List<Double> lossAfter = (List<Double>) out[1];
        RunResult result = (RunResult) out[2];
        JsonNode expected = g.root.get("expected");
        List<String> failures = new ArrayList<>();
        JsonNode its = expected.get("iterations");
        assertThat(records).hasSize(its.size());
        for (int i = 0; i < its.size(); i++) {
            JsonNode e = its.get(i);
            Trainer.IterationRecord r = records.get(i);
            g.checkIteration(failures, i, e, r, lossAfter.get(i));
        }
        if (expected.get("delta").asDouble() != result.result("delta")) {
            failures.add(g.where("delta (exact)", expected.get("delta").asDouble(), result.result("delta")));
        }
        List<String> cases = new ArrayList<>();
        result.events().stream().filter(s -> s.type().equals("searchRound"))
                .forEach(s -> cases.add(String.valueOf(s.payload().get("case"))));
        List<String> expectedCases = new ArrayList<>();
        expected.get("cases").forEach(c -> expectedCases.add(c.asText()));
        if (!cases.equals(expectedCases)) {
            failures.add(g.name + ": search cases expected " + expectedCases + ", got " + cases);
        }
        g.checkFinal(result, (Model) out[3], failures);
        Golden.assertNoFailures(failures);
    }


    private static List<Double> doubles(JsonNode n) {
        List<Double> l = new ArrayList<>();
        n.forEach(v -> l.add(v.asDouble()));
        return l;
    }

}
