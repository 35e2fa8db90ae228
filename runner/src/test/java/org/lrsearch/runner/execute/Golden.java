package org.lrsearch.runner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.Samples;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.BoundPlugin;

/** A golden trace from test resources, and the pieces built from it. */
final class Golden {
    final String name;
    final JsonNode root;
    final double relative;
    final double absolute;
    final double signChange;

    private Golden(String name, JsonNode root) {
        this.name = name;
        this.root = root;
        JsonNode tol = root.get("tolerance");
        relative = tol.get("relative").asDouble();
        absolute = tol.get("absolute").asDouble();
        signChange = tol.has("signChangePercent") ? tol.get("signChangePercent").asDouble() : Double.NaN;
    }

    static Golden load(String name) {
        try (InputStream in = new GZIPInputStream(Golden.class.getResourceAsStream("/golden/" + name + ".json.gz"))) {
            return new Golden(name, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int hidden() {
        return root.get("network").get("hidden").asInt();
    }

    static Samples samples(JsonNode set) {
        JsonNode px = set.get("pixels");
        int n = px.size();
        int f = px.get(0).size();
        double[] v = new double[n * f];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) {
                v[i * f + j] = px.get(i).get(j).asInt() / 255.0;
            }
            labels[i] = set.get("labels").get(i).asInt();
        }
        // MNIST's images, as the datasets give them: (channels, height, width).
        return new Samples(n, f, v, labels, f == 784 ? new int[] {1, 28, 28} : null);
    }

    FewShotTask task() {
        Samples train = samples(root.get("train"));
        Samples test = samples(root.get("expected").get("test"));
        return new FewShotTask(name, train, test, 10, new int[train.count()]);
    }

    Map<String, double[]> init() {
        Map<String, double[]> m = new LinkedHashMap<>();
        root.get("init").fields().forEachRemaining(e -> m.put(e.getKey(), flatten(e.getValue())));
        return m;
    }

    /** The numbers of a nested list in row-major order (a vector, a matrix or a 4-D convolution kernel). */
    static double[] flatten(JsonNode node) {
        List<Double> values = new java.util.ArrayList<>();
        collect(node, values);
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void collect(JsonNode node, List<Double> values) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, values));
        } else {
            values.add(node.asDouble());
        }
    }

    int[] batch(int i) {
        JsonNode b = root.get("batches").get(i);
        int[] rows = new int[b.size()];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = b.get(k).asInt();
        }
        return rows;
    }

    int iterations() {
        return root.get("batches").size();
    }

    /** A model from the {@code two-layer-net} plugin, loaded with the trace's initial weights. */
    Model model(ModelPlugin<?> plugin, FewShotTask task, String evaluator) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("hidden", hidden());
        options.put("evaluator", evaluator);
        return withInit(plugin, options, task);
    }

    /** The general perceptron with the trace's network (layers [hidden], sigmoid) and initial weights. */
    Model mlp(ModelPlugin<?> plugin, FewShotTask task) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("layers", java.util.List.of(hidden()));
        options.put("activation", "sigmoid");
        return withInit(plugin, options, task);
    }

    /** A model from the {@code cnn} plugin with the trace's network and initial weights. */
    Model cnn(ModelPlugin<?> plugin, FewShotTask task) {
        JsonNode net = root.get("network");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("conv", new ObjectMapper().convertValue(net.get("conv"), List.class));
        options.put("dense", new ObjectMapper().convertValue(net.get("dense"), List.class));
        options.put("activation", net.get("activation").asText());
        return withInit(plugin, options, task);
    }

    /** The plugin's model with {@code options}, loaded with the trace's initial weights. */
    private Model withInit(ModelPlugin<?> plugin, Map<String, Object> options, FewShotTask task) {
        Record bound = OptionsBinder.bind(plugin.optionsType(), options, "model", k -> name);
        Model m = BoundPlugin.create(new BoundPlugin<>(plugin, bound), task);
        m.setTensors(init());
        return m;
    }

    /**
     * One iteration against the trace's record of it: the phase and the committed rate exactly, the loss
     * before and after the update within tolerance, and the searcher's rounds and the selector's candidates
     * where the trace has them.
     */
    void checkIteration(List<String> failures, int i, JsonNode e, Trainer.IterationRecord r, double lossAfter) {
        String at = "iteration " + i + " ";
        checkPhase(failures, at, e, r);
        if (e.get("lr").asDouble() != r.lr()) {
            failures.add(where(at + "lr (exact)", e.get("lr").asDouble(), r.lr()));
        }
        check(failures, at + "lossBefore", e.get("lossBefore").asDouble(), r.lossBefore());
        check(failures, at + "lossAfter", e.get("lossAfter").asDouble(), lossAfter);
        if (e.has("rounds")) {
            checkRounds(failures, at, e.get("rounds"), r);
        }
        if (e.has("candidates")) {
            checkCandidates(failures, at, e, r);
        }
    }

    /** Adds a failure when {@code actual} is not within the trace's tolerance of {@code expected}. */
    void check(List<String> failures, String field, double expected, double actual) {
        if (!matches(expected, actual)) {
            failures.add(where(field, expected, actual));
        }
    }

    /** The final state against the trace: each tensor's sum and sum of squares, training loss, test accuracy exactly. */
    void checkFinal(RunResult result, Model model, List<String> failures) {
        checkFinal(result, model.tensors(), failures);
    }

    /** As {@link #checkFinal(RunResult, Model, List)}, with the final tensors given (an evaluation point's). */
    void checkFinal(RunResult result, Map<String, double[]> tensors, List<String> failures) {
        checkTensors("final", root.get("expected").get("final"), tensors, failures);
        check(failures, "final trainLoss", root.get("expected").get("trainLoss").asDouble(), result.finalTrainLoss());
        double acc = root.get("expected").get("test").get("accuracy").asDouble();
        if (acc != result.testAccuracy()) {
            failures.add(where("test accuracy (exact)", acc, result.testAccuracy()));
        }
    }

    /** Each tensor's sum and sum of squares against {@code fin} ({@code {W1: {sum, sumOfSquares}, ...}}). */
    void checkTensors(String what, JsonNode fin, Map<String, double[]> tensors, List<String> failures) {
        for (String t : (Iterable<String>) fin::fieldNames) {
            double sum = 0, sq = 0;
            for (double v : tensors.get(t)) {
                sum += v;
                sq += v * v;
            }
            check(failures, what + " " + t + " sum", fin.get(t).get("sum").asDouble(), sum);
            check(failures, what + " " + t + " sumOfSquares", fin.get(t).get("sumOfSquares").asDouble(), sq);
        }
    }

    /** The searcher's rounds of one iteration: case exactly, H within tolerance, G within the trace's points, δ exactly. */
    void checkRounds(List<String> failures, String at, JsonNode rounds, Trainer.IterationRecord r) {
        List<TraceEvent> actualRounds = r.events().stream().filter(x -> x.type().equals("searchRound")).toList();
        if (rounds.size() != actualRounds.size()) {
            failures.add(name + ": " + at + "expected " + rounds.size() + " search rounds, got " + actualRounds.size());
            return;
        }
        for (int k = 0; k < rounds.size(); k++) {
            JsonNode er = rounds.get(k);
            TraceEvent ar = actualRounds.get(k);
            String actualCase = String.valueOf(ar.payload().get("case"));
            double[] actualG = ar.numbers("G");
            String rk = at + "round " + k + " ";
            if (!er.get("case").asText().equals(actualCase)) {
                failures.add(name + ": " + rk + "case expected " + er.get("case").asText() + ", got " + actualCase);
            }
            double[] h = flatten(er.get("H"));
            for (int j = 0; j < h.length; j++) {
                if (!matches(h[j], ar.numbers("H")[j])) {
                    failures.add(where(rk + "H[" + j + "]", h[j], ar.numbers("H")[j]));
                }
            }
            double[] gv = flatten(er.get("G"));
            for (int j = 0; j < gv.length; j++) {
                if (Math.abs(gv[j] - actualG[j]) > signChange) {
                    failures.add(where(rk + "G[" + j + "]", gv[j], actualG[j]));
                }
            }
            if (er.has("delta") && er.get("delta").asDouble() != ar.number("delta")) {
                failures.add(where(rk + "delta", er.get("delta").asDouble(), ar.number("delta")));
            }
        }
    }

    /** The selector's candidates exactly and their losses within tolerance. */
    void checkCandidates(List<String> failures, String at, JsonNode e, Trainer.IterationRecord r) {
        double[] c = flatten(e.get("candidates"));
        double[] cl = flatten(e.get("candidateLosses"));
        if (r.candidates() == null || r.candidates().length != c.length) {
            failures.add(name + ": " + at + "expected " + c.length + " candidates");
            return;
        }
        for (int j = 0; j < c.length; j++) {
            if (c[j] != r.candidates()[j]) {
                failures.add(where(at + "candidates[" + j + "] (exact)", c[j], r.candidates()[j]));
            }
            if (!matches(cl[j], r.candidateLosses()[j])) {
                failures.add(where(at + "candidateLosses[" + j + "]", cl[j], r.candidateLosses()[j]));
            }
        }
    }

    /**
     * Trains the trace's run through the real trainer, each finished iteration recorded and replayed. The
     * goldens ran without the divergence guard (docs/STRATEGIES.md); the range test's own suspension is
     * exercised with the guard on in LrRangeTest's unit test and the experiments.
     *
     * @param optimizer the run's optimizer, or null for plain SGD
     */
    RunResult train(FewShotTask task, Model model, org.lrsearch.api.LrStrategy strategy, org.lrsearch.api.Optimizer optimizer,
                    Replay replay, List<Trainer.IterationRecord> records) {
        int iterations = iterations();
        org.lrsearch.api.RunSpec spec = new org.lrsearch.api.RunSpec("golden", "golden", "two-layer-net",
                root.get("batchSize").asInt(), 0, "first", "golden", root.get("strategy").get("plugin").asText(), 0,
                iterations, iterations, root.get("network").has("hidden") ? Map.of("model.hidden", hidden()) : Map.of(), List.of());
        return new Trainer(spec, model, strategy, optimizer, task.train().count(), this::batch, Double.MAX_VALUE, r -> {
            records.add(r);
            replay.iteration(r, batch(r.iteration()));
        }, () -> false).run();
    }

    /** A run's scalars by name, then by iteration. */
    static Map<String, Map<Integer, Double>> scalarsByIteration(RunResult result) {
        Map<String, Map<Integer, Double>> scalars = new java.util.HashMap<>();
        for (org.lrsearch.api.ScalarSeries s : result.scalars()) {
            Map<Integer, Double> byIteration = new java.util.HashMap<>();
            for (int k = 0; k < s.iterations().length; k++) {
                byIteration.put(s.iterations()[k], s.values()[k]);
            }
            scalars.put(s.name(), byIteration);
        }
        return scalars;
    }

    /** The iteration's phase exactly. */
    void checkPhase(List<String> failures, String at, JsonNode e, Trainer.IterationRecord r) {
        if (!e.get("phase").asText().equals(r.phase())) {
            failures.add(name + ": " + at + "phase expected " + e.get("phase").asText() + ", got " + r.phase());
        }
    }

    /** Fails with the first twenty mismatches, if any. */
    static void assertNoFailures(List<String> failures) {
        if (!failures.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(failures.size() + " mismatches, first ones:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    boolean matches(double expected, double actual) {
        return Math.abs(actual - expected) <= Math.max(relative * Math.abs(expected), absolute);
    }

    String where(String field, double expected, double actual) {
        return String.format(java.util.Locale.ROOT, "%s: %s expected %.17g, got %.17g (|diff| %.3g)", name, field,
                expected, actual, Math.abs(expected - actual));
    }
}
