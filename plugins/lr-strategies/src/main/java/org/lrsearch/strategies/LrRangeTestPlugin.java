package org.lrsearch.strategies;

import java.util.List;
import java.util.Map;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StrategyFactory;

/**
 * {@code lr-range-test}: Smith's LR range test (WACV 2017) with fastai's smoothing, stop rule,
 * skipped points and suggestions, as docs/STRATEGIES.md states it; a searcher like
 * {@code h-proposal-search}, handing its suggestion as δ to {@code then}.
 */
public final class LrRangeTestPlugin implements LrStrategyPlugin<LrRangeTestPlugin.Options> {
    static final List<String> SUGGESTIONS = List.of("valley", "steep", "minimum");

    /** Options of {@code lr-range-test}. */
    public record Options(
            @Option(description = "the first rate of the range", defaultValue = "1e-7") Double startLr,
            @Option(description = "the last rate of the range, > startLr", defaultValue = "10") Double endLr,
            @Option(description = "rates in the range (geometric, ends included), >= 2", defaultValue = "100") Integer steps,
            @Option(description = "exponential smoothing of the loss, in [0, 1)", defaultValue = "0.98") Double smoothing,
            @Option(description = "stop when the smoothed loss exceeds this times its minimum, > 1", defaultValue = "4")
            Double divergeFactor,
            @Option(description = "points left out at the start when suggesting", defaultValue = "steps/10 (floor)")
            Integer skipStart,
            @Option(description = "points left out at the end when suggesting", defaultValue = "5") Integer skipEnd,
            @Option(description = "how the rate is suggested: valley, steep or minimum", defaultValue = "valley")
            String suggest,
            @Option(description = "return θ to where the range started before `then` takes over", defaultValue = "true")
            Boolean restore,
            @Option(description = "the strategy that receives the suggestion as δ", defaultValue = "{plugin: fixed}")
            Map<String, Object> then) {
        public Options {
            // A default that depends on another option, so the record fills it.
            skipStart = skipStart == null ? steps / 10 : skipStart;
            InvalidOptionException.requirePositiveRate("startLr", startLr);
            InvalidOptionException.requirePositiveRate("endLr", endLr);
            InvalidOptionException.require(endLr > startLr, "endLr", endLr, "must be > startLr (" + startLr + ")");
            InvalidOptionException.require(steps >= 2, "steps", steps, "must be at least 2");
            InvalidOptionException.require(smoothing >= 0 && smoothing < 1, "smoothing", smoothing, "must be in [0, 1)");
            InvalidOptionException.require(divergeFactor > 1 && Double.isFinite(divergeFactor), "divergeFactor",
                    divergeFactor, "must be finite and > 1");
            InvalidOptionException.require(skipStart >= 0, "skipStart", skipStart, "must be >= 0");
            InvalidOptionException.require(skipEnd >= 0, "skipEnd", skipEnd, "must be >= 0");
            InvalidOptionException.require(SUGGESTIONS.contains(suggest), "suggest", suggest,
                    "must be one of: " + String.join(", ", SUGGESTIONS));
        }
    }

    @Override public String id() { return "lr-range-test"; }
    @Override public String description() {
        return "LR range test (Smith 2017, fastai's lr_find rules): sweep rates, suggest one, hand it to `then`";
    }
    @Override public Class<Options> optionsType() { return Options.class; }

    @Override
    public LrStrategy create(Options o, StrategyFactory strategies) {
        BoundedStrategy then = Successor.of(strategies, o.then());
        return new LrRangeTest(o, then);
    }
}
