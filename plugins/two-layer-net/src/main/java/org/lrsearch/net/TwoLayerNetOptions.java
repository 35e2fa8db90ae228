package org.lrsearch.net;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/** Options of the {@code two-layer-net} model. */
public record TwoLayerNetOptions(
        @Option(description = "hidden units h (the paper uses 20 and 50)", defaultValue = "20")
        Integer hidden,
        @Option(description = "standard deviation of the N(0, std²) initial weights; biases start at 0",
                defaultValue = "0.01")
        Double initStd,
        @Option(description = "how test accuracy is computed: incremental (exact; tracks W1's updates along the "
                + "k-shot images, cheapest for curves), jvm (a sparse pass over the test set), or a dense evaluator "
                + "module's id: nd4j (one dense gemm per layer through ND4J, module nd4j-evaluator)",
                defaultValue = "incremental")
        String evaluator) {

    public TwoLayerNetOptions {
        InvalidOptionException.require(hidden >= 1 && hidden <= 100_000, "hidden", hidden, "must be between 1 and 100000");
        InvalidOptionException.require(Double.isFinite(initStd) && initStd >= 0, "initStd", initStd,
                "must be finite and >= 0");
        java.util.List<String> known = new java.util.ArrayList<>(BUILT_IN);
        known.addAll(DenseEvaluators.all().keySet());
        InvalidOptionException.require(known.contains(evaluator), "evaluator", evaluator, "must be one of: "
                + String.join(", ", known) + ("nd4j".equals(evaluator) ? " (nd4j needs the nd4j-evaluator module on the "
                + "classpath)" : ""));
    }

    static final java.util.List<String> BUILT_IN = java.util.List.of("incremental", "jvm");

    public static TwoLayerNetOptions ofHidden(int hidden) {
        return org.lrsearch.api.OptionDefaults.create(TwoLayerNetOptions.class, java.util.Map.of("hidden", hidden));
    }
}
