package org.lrsearch.strategies;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.InvalidOptionException;

/** Every option of the strategies of docs/STRATEGIES.md is checked, with the key and the valid range named. */
class StrategyOptionsTest {

    static void refused(Runnable make, String key, String message) {
        assertThatThrownBy(make::run).isInstanceOf(InvalidOptionException.class).hasMessageContaining(message)
                .extracting(e -> ((InvalidOptionException) e).key()).isEqualTo(key);
    }

    @Test
    void armijo() {
        refused(() -> new ArmijoPlugin.Options(null, 0.0, null, null, null, null, null, null), "c", "(0, 1)");
        refused(() -> new ArmijoPlugin.Options(null, null, 1.0, null, null, null, null, null), "beta", "(0, 1)");
        refused(() -> new ArmijoPlugin.Options(null, null, 1.5, null, null, null, null, null), "beta", "(0, 1)");
        refused(() -> new ArmijoPlugin.Options(null, null, null, 0.5, null, null, null, null), "gamma", ">= 1");
        refused(() -> new ArmijoPlugin.Options(null, null, null, null, "sometimes", null, null, null), "reset",
                "grow, max, keep");
        refused(() -> new ArmijoPlugin.Options(null, null, null, null, null, 0, null, null), "maxBacktracks", "at least 1");
        refused(() -> new ArmijoPlugin.Options(-1.0, null, null, null, null, null, null, null), "initialLr", "> 0");
        refused(() -> new ArmijoPlugin.Options(null, null, null, null, null, null, 0.0, null), "fallbackLr", "> 0");
        refused(() -> new ArmijoPlugin.Options(null, null, null, null, null, null, null, 0.0), "maxLr", "> 0");
    }

    @Test
    void sps() {
        refused(() -> new SpsPlugin.Options(0.0, null, null), "c", "> 0");
        refused(() -> new SpsPlugin.Options(null, Double.NaN, null), "fStar", "finite");
        refused(() -> new SpsPlugin.Options(null, null, -1.0), "maxLr", "> 0");
    }

    @Test
    void hypergradient() {
        refused(() -> new HypergradientPlugin.Options(0.0, null, null, null), "initialLr", "> 0");
        refused(() -> new HypergradientPlugin.Options(null, -0.1, null, null), "hyperLr", ">= 0");
        refused(() -> new HypergradientPlugin.Options(null, null, -1.0, null), "minLr", ">= 0");
        refused(() -> new HypergradientPlugin.Options(null, null, 0.5, 0.1), "maxLr", ">= minLr");
    }

    @Test
    void dAdaptation() {
        refused(() -> new DAdaptationPlugin.Options(0.0, null, null), "d0", "> 0");
        refused(() -> new DAdaptationPlugin.Options(null, 0.0, null), "scale", "> 0");
        refused(() -> new DAdaptationPlugin.Options(null, null, 0.5), "growth", ">= 1");
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
        return new LrRangeTestPlugin.Options(start, end, steps, smoothing, diverge, null, null, suggest, null, null);
    }

    @Test
    void schedules() {
        refused(() -> new SchedulePlugins.Cosine.Options(0.1, 0.2), "minLr", "<= lr");
        refused(() -> new SchedulePlugins.Cosine.Options(0.0, null), "lr", "> 0");
        refused(() -> new SchedulePlugins.Step.Options(null, 1.5, null), "factor", "(0, 1]");
        refused(() -> new SchedulePlugins.Step.Options(null, null, 0), "every", "at least 1");
        refused(() -> new SchedulePlugins.Exponential.Options(null, 0.0), "gamma", "(0, 1]");
        refused(() -> new WarmupPlugin.Options(null, 0, Map.of("plugin", "fixed")), "steps", "at least 1");
    }
}
