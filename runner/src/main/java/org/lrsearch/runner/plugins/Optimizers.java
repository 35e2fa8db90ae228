package org.lrsearch.runner.plugins;

import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.OptimizerPlugin;

/** Builds optimizers from config specs ({@code plugin} + options), as {@link Strategies} builds strategies. */
public final class Optimizers {
    /** The optimizer of a run whose config names none: plain SGD, the paper's. */
    public static final Map<String, Object> DEFAULT_SPEC = Map.of("plugin", "sgd");

    private final PluginSpecs<OptimizerPlugin<?>> specs;

    public Optimizers(Map<String, OptimizerPlugin<?>> plugins) {
        this.specs = new PluginSpecs<>("optimizer", plugins);
    }

    /** A fresh optimizer, with its initial state, for one run. */
    public Optimizer build(String key, Object spec, Function<String, String> originOf) {
        return BoundPlugin.create(specs.bind(key, spec, originOf));
    }

    /** The spec with its options normalised through the plugin's record, defaults filled in; validates. */
    public Map<String, Object> normalise(String key, Object spec, Function<String, String> originOf) {
        return PluginSpecs.normalised(specs.bind(key, spec, originOf));
    }

    /** The plugin a spec names, or a clear error listing the known ids. */
    public OptimizerPlugin<?> plugin(String key, Object id, Function<String, String> originOf) {
        return specs.plugin(key, id, originOf);
    }
}
