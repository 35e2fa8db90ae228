package org.lrsearch.runner.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.Optimizers;
import org.lrsearch.runner.plugins.Strategies;

/** The {@code strategies:} and {@code optimizers:} sections: labels mapped to validated, normalised plugin specs. */
final class MethodSections {
    private MethodSections() {
    }

    /**
     * Label → normalised spec of the {@code strategies:} section; a label's {@code optimizer} key (the
     * optimizer label it runs on, whatever the grid sweeps) goes to {@code pins}.
     */
    static Map<String, Map<String, Object>> strategies(ComposedConfig config, Strategies strategies, Map<String, String> pins) {
        Object raw = config.tree().get("strategies");
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            throw config.error("strategies", raw, "must map at least one label to a strategy, e.g. "
                    + "strategies: {\"0.1\": {plugin: fixed, lr: 0.1}}");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (var e : Mappers.map(m).entrySet()) {
            String key = "strategies." + e.getKey();
            Object spec = e.getValue();
            if (spec instanceof Map<?, ?> sm && sm.containsKey("optimizer")) {
                Map<String, Object> rest = new LinkedHashMap<>(Mappers.map(sm));
                Object pin = rest.remove("optimizer");
                if (!config.tree().containsKey("optimizers")) {
                    throw config.error(key + ".optimizer", pin, "no optimizers are defined: name them under optimizers:");
                }
                pins.put(e.getKey(), String.valueOf(pin));
                spec = rest;
            }
            // Normalising builds the strategy once, which validates plugin ids and options, nested `then` included.
            out.put(e.getKey(), strategies.normalise(key, spec, config::originOf));
            if (strategies.build(key, spec, config::originOf) instanceof org.lrsearch.api.BoundedStrategy b
                    && b.needsBound()) {
                throw config.error(key, spec, "cannot run on its own as configured: it takes its rate from a "
                        + "searcher's bound; give it a rate of its own (e.g. lr) or use it as a searcher's `then`");
            }
        }
        return out;
    }

    /** Label → normalised spec of the {@code optimizers:} section; empty when the config has none. */
    static Map<String, Map<String, Object>> optimizers(ComposedConfig config, Optimizers optimizers,
                                                       Map<String, String> pins) {
        Object raw = config.tree().get("optimizers");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> m) || m.isEmpty()) {
            throw config.error("optimizers", raw, "must map at least one label to an optimizer, e.g. "
                    + "optimizers: {m9: {plugin: momentum, momentum: 0.9}}");
        }
        for (var e : Mappers.map(m).entrySet()) {
            out.put(e.getKey(), optimizers.normalise("optimizers." + e.getKey(), e.getValue(), config::originOf));
        }
        pins.forEach((label, pin) -> {
            if (!out.containsKey(pin)) {
                throw config.error("strategies." + label + ".optimizer", pin, "no such optimizer label"
                        + OptionsBinder.didYouMean(pin, out.keySet()) + "; defined under optimizers: "
                        + String.join(", ", out.keySet()));
            }
        });
        return out;
    }

}
