package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
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
import org.lrsearch.api.TraceEvent;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.plugins.Strategies;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * The strategies of docs/STRATEGIES.md, and DoG, against the twelve golden traces computed by an
 * independent NumPy implementation (shared/golden/strategies and optimizers/dog, copied into test
 * resources): through the real
 * trainer, step context and two-layer net, unwrapped, as {@code lrsearch run} uses them (so ‖g‖² and
 * gradient dot products come from the net's Gram-matrix forms), every decision exactly (backtracks, accepted or not, the
 * chosen candidate, the iteration the range test stops at and its suggestion's index among the tried
 * rates) and every number within the file's tolerance (rates, losses, ‖g‖², Polyak value,
 * hypergradient, d and d̂, smoothed loss, the suggestion, final checksums, training loss), test
 * accuracy exactly.
 */
class StrategyTraceConformanceTest {
    private static ModelPlugin<?> net;
    private static Strategies strategies;
    /** Golden trace fields that are numbers recorded as the strategy's scalars, by the same name. */
    private static final List<String> NUMBERS = List.of("start", "gradNormSq", "polyak", "hypergradient", "d", "dHat",
            "dNext", "smoothedLoss", "distance", "rBar", "gSumSq");

    @BeforeAll
    static void discover() {
        Registry registry = BundledPlugins.registry();
        net = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("two-layer-net");
        Map<String, LrStrategyPlugin<?>> s = registry.typed(Registry.Kind.STRATEGY);
        strategies = new Strategies(s);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(JsonNode strategy) {
        Map<String, Object> m = new ObjectMapper().convertValue(strategy, Map.class);
        replaceInfinity(m);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void replaceInfinity(Map<String, Object> m) {
        m.replaceAll((k, v) -> "Infinity".equals(v) ? Double.POSITIVE_INFINITY : v);
        m.values().forEach(v -> {
            if (v instanceof Map<?, ?> nested) {
                replaceInfinity((Map<String, Object>) nested);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"strategies/min-loss-minibatch", "strategies/min-loss-train-set", "strategies/armijo-grow",
            "strategies/armijo-capped-h50-b4", "strategies/sps-max", "strategies/hypergradient", "strategies/d-adaptation",
            "strategies/range-test-valley", "strategies/range-test-steep", "strategies/range-test-minimum",
            "strategies/range-test-stops-early", "optimizers/dog"})
    void reproducesEveryDecisionAndNumberOfTheGoldenTrace(String name) {
        Golden g = Golden.load(name);
        // Traces of strategies on plain SGD (DoG's sits with the optimizers' traces but names sgd).
        assertThat(g.root.has("optimizer") ? g.root.get("optimizer").get("plugin").asText() : "sgd").isEqualTo("sgd");
        FewShotTask task = g.task();
        Model model = g.model(net, task, "incremental");
        Replay replay = new Replay(g.model(net, task, "incremental"));
        LrStrategy strategy = strategies.build("strategy", spec(g.root.get("strategy")), k -> g.name);
        List<Trainer.IterationRecord> records = new ArrayList<>();
        RunResult result = g.train(task, model, strategy, null, replay, records);

        JsonNode its = g.root.get("expected").get("iterations");
        assertThat(records).hasSize(its.size());
        Map<String, Map<Integer, Double>> scalars = Golden.scalarsByIteration(result);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < its.size(); i++) {
            JsonNode e = its.get(i);
            Trainer.IterationRecord r = records.get(i);
            String at = "iteration " + i + " ";
            g.checkPhase(failures, at, e, r);
            g.check(failures, at + "lr", e.get("lr").asDouble(), r.lr());
            g.check(failures, at + "lossBefore", e.get("lossBefore").asDouble(), r.lossBefore());
            Double after = replay.lossAfter.get(i);
            g.check(failures, at + "lossAfter", e.get("lossAfter").asDouble(), after == null ? Double.NaN : after);
            for (String field : NUMBERS) {
                if (e.has(field)) {
                    Double v = scalars.getOrDefault(field, Map.of()).get(i);
                    g.check(failures, at + field, e.get(field).asDouble(), v == null ? Double.NaN : v);
                }
            }
            if (e.has("backtracks")) {
                Double v = scalars.getOrDefault("backtracks", Map.of()).get(i);
                if (v == null || v.intValue() != e.get("backtracks").asInt()) {
                    failures.add(g.name + ": " + at + "backtracks expected " + e.get("backtracks").asInt() + ", got " + v);
                }
            }
            if (e.has("found")) {
                Double v = scalars.getOrDefault("found", Map.of()).get(i);
                if (v == null || (v == 1) != e.get("found").asBoolean()) {
                    failures.add(g.name + ": " + at + "found expected " + e.get("found").asBoolean() + ", got " + v);
                }
            }
            if (e.has("candidateLosses")) {
                for (int j = 0; j < e.get("candidateLosses").size(); j++) {
                    if (r.candidates() == null || e.get("candidates").get(j).asDouble() != r.candidates()[j]) {
                        failures.add(g.name + ": " + at + "candidate " + j + " differs");
                        break;
                    }
                    g.check(failures, at + "candidateLosses[" + j + "]", e.get("candidateLosses").get(j).asDouble(),
                            r.candidateLosses()[j]);
                }
            }
            if (e.has("suggestion")) {
                checkSuggestion(g, failures, its, i, e, r);
            }
        }
        g.checkFinal(result, model, failures);
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches, first ones:\n  " + String.join("\n  ",
                    failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /** The stop iteration exactly, the suggestion's index among the tried rates exactly, its value within tolerance. */
    private static void checkSuggestion(Golden g, List<String> failures, JsonNode its, int i, JsonNode e,
                                        Trainer.IterationRecord r) {
        TraceEvent done = r.events().stream().filter(x -> x.type().equals("rangeTestDone")).findFirst().orElse(null);
        if (done == null) {
            failures.add(g.name + ": the range test did not stop at iteration " + i);
            return;
        }
        double suggestion = e.get("suggestion").asDouble();
        double tried = g.root.get("strategy").get("suggest").asText().equals("minimum") ? suggestion * 10 : suggestion;
        int expectedIndex = -1;
        for (int k = 0; k <= i; k++) {
            if (g.matches(its.get(k).get("lr").asDouble(), tried)) {
                expectedIndex = k;
                break;
            }
        }
        int index = ((Number) done.payload().get("suggestionIndex")).intValue();
        if (index != expectedIndex) {
            failures.add(g.name + ": suggestion index expected " + expectedIndex + ", got " + index);
        }
        g.check(failures, "suggestion", suggestion, done.number("suggestion"));
        if (e.get("restored").asBoolean() != Boolean.TRUE.equals(done.payload().get("restored"))) {
            failures.add(g.name + ": restored expected " + e.get("restored"));
        }
    }


}
