package org.lrsearch.cnn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/** Options of the {@code cnn} model (docs/CNN.md); the defaults make the LeNet-style net. */
public record CnnOptions(
        @Option(description = "convolution layers, in order, each {filters: f, kernel: k} (valid, stride 1), "
                + "followed by the activation and 2×2 max-pooling",
                defaultValue = "[{filters: 6, kernel: 5}, {filters: 16, kernel: 5}]") List<Map<String, Integer>> conv,
        @Option(description = "hidden dense layer widths after the flatten (may be empty)", defaultValue = "[84]")
        List<Integer> dense,
        @Option(description = "activation after every convolution and hidden dense layer: relu, tanh or sigmoid",
                defaultValue = "relu") String activation,
        @Option(description = "initial weights: he (N(0, 2/fan-in), the output layer N(0, 1/fan-in)) or normal "
                + "(N(0, std²)); biases 0", defaultValue = "he") String init,
        @Option(description = "standard deviation of init: normal", defaultValue = "0.01") Double std,
        @Option(description = "products: auto (OpenBLAS, ND4J's native BLAS, called directly: fastest at every size "
                + "measured), nd4j (ND4J's INDArray gemm) or jvm (plain loops); the numbers agree to rounding",
                defaultValue = "auto") String backend) {

    static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid");

    public CnnOptions {
        InvalidOptionException.require(conv != null && conv.size() <= 8, "conv", conv, "needs 0 to 8 layers");
        List<Map<String, Integer>> layers = new ArrayList<>();
        for (Map<String, Integer> c : conv) {
            InvalidOptionException.require(c != null && c.keySet().equals(java.util.Set.of("filters", "kernel")),
                    "conv", conv, "every layer is {filters: f, kernel: k}, exactly those two keys");
            Integer f = c.get("filters"), k = c.get("kernel");
            InvalidOptionException.require(f != null && f >= 1 && f <= 4096, "conv", conv,
                    "filters must be between 1 and 4096");
            InvalidOptionException.require(k != null && k >= 1 && k <= 64, "conv", conv,
                    "kernel must be between 1 and 64");
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("filters", f);
            m.put("kernel", k);
            layers.add(java.util.Collections.unmodifiableMap(m));
        }
        conv = List.copyOf(layers);
        dense = List.copyOf(dense);
        InvalidOptionException.require(dense.size() <= 16, "dense", dense, "needs 0 to 16 hidden layers");
        for (Integer w : dense) {
            InvalidOptionException.require(w != null && w >= 1 && w <= 100_000, "dense", dense,
                    "every width must be between 1 and 100000");
        }
        InvalidOptionException.require(ACTIVATIONS.contains(activation), "activation", activation,
                "must be one of: " + String.join(", ", ACTIVATIONS));
        InvalidOptionException.require(init.equals("he") || init.equals("normal"), "init", init,
                "must be one of: he, normal");
        InvalidOptionException.require(Double.isFinite(std) && std >= 0, "std", std, "must be finite and >= 0");
        InvalidOptionException.require(List.of("auto", "nd4j", "jvm").contains(backend), "backend", backend,
                "must be one of: auto, nd4j, jvm");
    }
}
