package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.OptionDefaults;

/** Every option of the strategies of docs/STRATEGIES.md is checked, with the key and the valid range named. */
class StrategyOptionsTest {

    static void refused(Runnable make, String key, String message) {
        assertThatThrownBy(make::run).isInstanceOf(InvalidOptionException.class).hasMessageContaining(message)
                .extracting(e -> ((InvalidOptionException) e).key()).isEqualTo(key);
    }

    @Test
    void armijo() {
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("c", 0.0)), "c", "(0, 1)");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("beta", 1.0)), "beta", "(0, 1)");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("beta", 1.5)), "beta", "(0, 1)");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("gamma", 0.5)), "gamma", ">= 1");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("reset", "sometimes")), "reset",
                "grow, max, keep");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class,
                Map.of("maxBacktracks", 0)), "maxBacktracks", "at least 1");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("initialLr", -1.0)), "initialLr", "> 0");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class,
                Map.of("fallbackLr", 0.0)), "fallbackLr", "> 0");
        refused(() -> OptionDefaults.create(ArmijoPlugin.Options.class, Map.of("maxLr", 0.0)), "maxLr", "> 0");
    }

    @Test
    void sps() {
        refused(() -> OptionDefaults.create(SpsPlugin.Options.class, Map.of("c", 0.0)), "c", "> 0");
        refused(() -> OptionDefaults.create(SpsPlugin.Options.class, Map.of("fStar", Double.NaN)), "fStar", "finite");
        refused(() -> OptionDefaults.create(SpsPlugin.Options.class, Map.of("maxLr", -1.0)), "maxLr", "> 0");
    }

    @Test
    void hypergradient() {
        refused(() -> OptionDefaults.create(HypergradientPlugin.Options.class,
                Map.of("initialLr", 0.0)), "initialLr", "> 0");
        refused(() -> OptionDefaults.create(HypergradientPlugin.Options.class,
                Map.of("hyperLr", -0.1)), "hyperLr", ">= 0");
        refused(() -> OptionDefaults.create(HypergradientPlugin.Options.class, Map.of("minLr", -1.0)), "minLr", ">= 0");
        refused(() -> OptionDefaults.create(HypergradientPlugin.Options.class,
                Map.of("minLr", 0.5, "maxLr", 0.1)), "maxLr", ">= minLr");
    }

    @Test
    void dAdaptation() {
        refused(() -> OptionDefaults.create(DAdaptationPlugin.Options.class, Map.of("d0", 0.0)), "d0", "> 0");
        refused(() -> OptionDefaults.create(DAdaptationPlugin.Options.class, Map.of("scale", 0.0)), "scale", "> 0");
        refused(() -> OptionDefaults.create(DAdaptationPlugin.Options.class, Map.of("growth", 0.5)), "growth", ">= 1");
    }

    @Test
    void rangeTest() {
        refused(() -> range(1e-3, 1e-4, 100, null, null, null), "endLr", "> startLr");
        refused(() -> range(null, null, 1, null, null, null), "steps", "at least 2");
        refused(() -> range(null, null, null, 1.0, null, null), "smoothing", "[0, 1)");
        refused(() -> range(null, null, null, null, 1.0, null), "divergeFactor", "> 1");
        refused(() -> range(null, null, null, null, null, "best"), "suggest", "valley, steep, minimum");
    }

    static LrRangeTestPlugin.Options range(Double start, Double end, Integer steps, Double smoothing, Double diverge,
                                           String suggest) {
        Map<String, Object> o = new java.util.HashMap<>();
        o.put("startLr", start);
        o.put("endLr", end);
        o.put("steps", steps);
        o.put("smoothing", smoothing);
        o.put("divergeFactor", diverge);
        o.put("suggest", suggest);
        return OptionDefaults.create(LrRangeTestPlugin.Options.class, o);
    }

    @Test
    void schedules() {
        refused(() -> new SchedulePlugins.Cosine.Options(0.1, 0.2), "minLr", "<= lr");
        refused(() -> OptionDefaults.create(SchedulePlugins.Cosine.Options.class, Map.of("lr", 0.0)), "lr", "> 0");
        refused(() -> OptionDefaults.create(SchedulePlugins.Step.Options.class,
                Map.of("factor", 1.5)), "factor", "(0, 1]");
        refused(() -> OptionDefaults.create(SchedulePlugins.Step.Options.class,
                Map.of("every", 0)), "every", "at least 1");
        refused(() -> OptionDefaults.create(SchedulePlugins.Exponential.Options.class,
                Map.of("gamma", 0.0)), "gamma", "(0, 1]");
        refused(() -> OptionDefaults.create(WarmupPlugin.Options.class,
                Map.of("steps", 0, "then", Map.of("plugin", "fixed"))), "steps", "at least 1");
    }
}
