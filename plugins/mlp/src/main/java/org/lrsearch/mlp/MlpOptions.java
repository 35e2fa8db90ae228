package org.lrsearch.mlp;

import java.util.List;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;

/** Options of the {@code mlp} model. */
public record MlpOptions(
        @Option(description = "hidden layer widths, input side first", defaultValue = "[20]") List<Integer> layers,
        @Option(description = "hidden activation: sigmoid (the paper), tanh or relu", defaultValue = "sigmoid")
        String activation,
        @Option(description = "standard deviation of the N(0, std²) initial weights; biases start at 0",
                defaultValue = "0.01") Double initStd,
        @Option(description = "initial weights: normal (N(0, initStd²), the paper's) or he (N(0, 2/fan-in), relu only)",
                defaultValue = "normal") String init,
        @Option(description = "dense bulk work: auto (a matrix backend such as nd4j where a product is above the "
                + "measured crossover, else plain loops), jvm (always plain loops) or a backend's id (always it)",
                defaultValue = "auto") String backend) {

    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu");

    public MlpOptions {
        layers = List.copyOf(layers);
        InvalidOptionException.require(!layers.isEmpty() && layers.size() <= 16, "layers", layers,
                "needs 1 to 16 hidden layers");
        for (Integer w : layers) {
            InvalidOptionException.require(w != null && w >= 1 && w <= 100_000, "layers", layers,
                    "every width must be between 1 and 100000");
        }
        InvalidOptionException.require(ACTIVATIONS.contains(activation), "activation", activation,
                "must be one of: " + String.join(", ", ACTIVATIONS));
        InvalidOptionException.require(Double.isFinite(initStd) && initStd >= 0, "initStd", initStd,
                "must be finite and >= 0");
        InvalidOptionException.require(init.equals("normal") || init.equals("he"), "init", init,
                "must be one of: normal, he");
        InvalidOptionException.require(!init.equals("he") || activation.equals("relu"), "init", init,
                "he initialisation is for relu layers (activation: relu)");
        java.util.List<String> backends = new java.util.ArrayList<>(List.of("auto", "jvm"));
        backends.addAll(Backends.all().keySet());
        InvalidOptionException.require(backends.contains(backend), "backend", backend, "must be one of: "
                + String.join(", ", backends) + ("nd4j".equals(backend) ? " (nd4j needs the nd4j-evaluator module)" : ""));
    }
}
