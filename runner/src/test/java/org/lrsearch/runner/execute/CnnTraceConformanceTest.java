package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.plugins.Strategies;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * The {@code cnn} model against the three traces PyTorch computed in float64 (shared/golden/cnn, copied
 * into test resources), through the real trainer and step context as {@code lrsearch run} uses them:
 * every phase, committed rate, search round (case, H, G within the trace's points, δ) and selector
 * candidate exactly or within the file's tolerance, the loss before and after every update, the final
 * tensors' sums and sums of squares, the training loss, and the test accuracy exactly.
 */
class CnnTraceConformanceTest {
    private static ModelPlugin<?> cnn;
    private static Strategies strategies;

    @BeforeAll
    static void discover() {
        Registry registry = BundledPlugins.registry();
        cnn = (ModelPlugin<?>) registry.plugins(Registry.Kind.MODEL).get("cnn");
        java.util.Map<String, LrStrategyPlugin<?>> s = registry.typed(Registry.Kind.STRATEGY);
        strategies = new Strategies(s);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cnn/cnn-lenet-fixed", "cnn/cnn-h1-search", "cnn/cnn-sigmoid-dense"})
    void reproducesEveryDecisionAndNumberOfTheGoldenTrace(String name) {
        Golden g = Golden.load(name);
        FewShotTask task = g.task();
        Model model = g.cnn(cnn, task);
        Replay replay = new Replay(g.cnn(cnn, task));
        LrStrategy strategy = strategies.build("strategy", StrategyTraceConformanceTest.spec(g.root.get("strategy")),
                k -> g.name);
        List<Trainer.IterationRecord> records = new ArrayList<>();
        RunResult result = g.train(task, model, strategy, null, replay, records);
        JsonNode expected = g.root.get("expected");
        JsonNode its = expected.get("iterations");
        assertThat(records).hasSize(its.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < its.size(); i++) {
            g.checkIteration(failures, i, its.get(i), records.get(i), replay.lossAfter.get(i));
        }
        List<String> cases = new ArrayList<>();
        result.events().stream().filter(s -> s.type().equals("searchRound"))
                .forEach(s -> cases.add(String.valueOf(s.payload().get("case"))));
        List<String> expectedCases = new ArrayList<>();
        expected.get("cases").forEach(c -> expectedCases.add(c.asText()));
        assertThat(cases).as("search cases").isEqualTo(expectedCases);
        if (!expected.get("delta").isNull() && expected.get("delta").asDouble() != result.result("delta")) {
            failures.add(g.where("delta (exact)", expected.get("delta").asDouble(), result.result("delta")));
        }
        g.checkFinal(result, model, failures);
        Golden.assertNoFailures(failures);
    }

    /**
     * docs/CNN.md's finding: on the trace's one-layer tanh CNN with its conv biases at 0, MNIST's blank
     * regions make gradient components exactly 0 at θ that any step makes non-zero, so under the paper's
     * count they flip at every η and the search gives up; leaving zeros out finds a bound.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "zeros: {0}")
    @org.junit.jupiter.params.provider.CsvSource({"flip, giveUp", "skip, bound"})
    void zeroBiasesDefeatThePapersCountButNotSkippingZeros(String zeros, String lastCase) {
        Golden g = Golden.load("cnn/cnn-h1-search");
        FewShotTask task = g.task();
        Model model = g.cnn(cnn, task);
        java.util.Map<String, double[]> init = g.init();
        init.put("conv1.b", new double[init.get("conv1.b").length]);
        model.setTensors(init);
        java.util.Map<String, Object> spec = StrategyTraceConformanceTest.spec(g.root.get("strategy"));
        spec.put("zeros", zeros);
        spec.put("maxShrinks", 6);
        LrStrategy strategy = strategies.build("strategy", spec, k -> g.name);
        List<Trainer.IterationRecord> records = new ArrayList<>();
        RunResult result = g.train(task, model, strategy, null, new Replay(g.cnn(cnn, task)), records);
        List<org.lrsearch.api.TraceEvent> rounds = result.events().stream()
                .filter(e -> e.type().equals("searchRound")).toList();
        assertThat(rounds.get(rounds.size() - 1).payload().get("case")).hasToString(lastCase);
        if (zeros.equals("flip")) {
            // Six shrinks, from 1 down to 1e-6, and G never falls below the share of zeros that turn non-zero.
            assertThat(rounds).hasSize(7);
            assertThat(java.util.Arrays.stream(rounds.get(5).numbers("G")).max().orElseThrow()).isGreaterThan(8.0);
        } else {
            assertThat(result.result("delta")).isBetween(1e-4, 1.0);
        }
    }
}
