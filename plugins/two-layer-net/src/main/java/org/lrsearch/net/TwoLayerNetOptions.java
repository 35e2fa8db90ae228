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
        @Option(description = "how test accuracy is computed: jvm (sparse, exact arithmetic of the training "
                + "kernel) or nd4j (one dense gemm per layer)", defaultValue = "jvm")
        String evaluator) {

    public TwoLayerNetOptions {
        hidden = hidden == null ? 20 : hidden;
        initStd = initStd == null ? 0.01 : initStd;
        evaluator = evaluator == null ? "jvm" : evaluator;
        InvalidOptionException.require(hidden >= 1 && hidden <= 100_000, "hidden", hidden, "must be between 1 and 100000");
        InvalidOptionException.require(Double.isFinite(initStd) && initStd >= 0, "initStd", initStd,
                "must be finite and >= 0");
        InvalidOptionException.require(evaluator.equals("jvm") || evaluator.equals("nd4j"), "evaluator", evaluator,
                "must be one of: jvm, nd4j");
    }

    public static TwoLayerNetOptions ofHidden(int hidden) {
        return new TwoLayerNetOptions(hidden, null, null);
    }
}
