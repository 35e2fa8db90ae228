package org.lrsearch.strategies;

import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.Option;
import org.lrsearch.api.StrategyFactory;

/** The schedules {@code cosine}, {@code step} and {@code exponential} (docs/STRATEGIES.md, "Schedules"). */
final class SchedulePlugins {
    private SchedulePlugins() {
    }

    static double base(Double lr) {
        InvalidOptionException.requirePositiveRate("lr", lr);
        return lr;
    }

    /** {@code cosine}: η_u = minLr + (base − minLr)·(1 + cos(π·u/U))/2. */
    public static final class Cosine implements LrStrategyPlugin<Cosine.Options> {
        /** Options of {@code cosine}. */
        public record Options(
                @Option(description = "the rate at u = 0 alone (under a bound: δ)", defaultValue = "0.1") Double lr,
                @Option(description = "the rate the schedule ends at", defaultValue = "0") Double minLr) {
            public Options {
                lr = base(lr);
                InvalidOptionException.require(Double.isFinite(minLr) && minLr >= 0, "minLr", minLr,
                        "must be finite and >= 0");
                InvalidOptionException.require(minLr <= lr, "minLr", minLr, "must be <= lr (" + lr + ")");
            }
        }

        @Override public String id() { return "cosine"; }
        @Override public String description() { return "cosine decay from lr (or δ) to minLr over the run"; }
        @Override public Class<Options> optionsType() { return Options.class; }

        @Override
        public LrStrategy create(Options o, StrategyFactory strategies) {
            return new Schedule(o.lr()) {
                @Override
                double rate(int u, int total) {
                    return o.minLr() + (base - o.minLr()) * (1 + Math.cos(Math.PI * u / total)) / 2;
                }
            };
        }
    }

    /** {@code step}: η_u = base·factor^⌊u/every⌋. */
    public static final class Step implements LrStrategyPlugin<Step.Options> {
        /** Options of {@code step}. */
        public record Options(
                @Option(description = "the rate at u = 0 alone (under a bound: δ)", defaultValue = "0.1") Double lr,
                @Option(description = "multiplies the rate every `every` steps; in (0, 1]", defaultValue = "0.5")
                Double factor,
                @Option(description = "steps between decays", defaultValue = "1000") Integer every) {
            public Options {
                lr = base(lr);
                InvalidOptionException.require(factor > 0 && factor <= 1, "factor", factor, "must be in (0, 1]");
                InvalidOptionException.require(every >= 1, "every", every, "must be at least 1");
            }
        }

        @Override public String id() { return "step"; }
        @Override public String description() { return "step decay: the rate times factor every `every` steps"; }
        @Override public Class<Options> optionsType() { return Options.class; }

        @Override
        public LrStrategy create(Options o, StrategyFactory strategies) {
            return new Schedule(o.lr()) {
                @Override
                double rate(int u, int total) {
                    return base * Math.pow(o.factor(), Math.floorDiv(u, o.every()));
                }
            };
        }
    }

    /** {@code exponential}: η_u = base·gamma^u. */
    public static final class Exponential implements LrStrategyPlugin<Exponential.Options> {
        /** Options of {@code exponential}. */
        public record Options(
                @Option(description = "the rate at u = 0 alone (under a bound: δ)", defaultValue = "0.1") Double lr,
                @Option(description = "the factor per step; in (0, 1]", defaultValue = "0.999") Double gamma) {
            public Options {
                lr = base(lr);
                InvalidOptionException.require(gamma > 0 && gamma <= 1, "gamma", gamma, "must be in (0, 1]");
            }
        }

        @Override public String id() { return "exponential"; }
        @Override public String description() { return "exponential decay: the rate times gamma every step"; }
        @Override public Class<Options> optionsType() { return Options.class; }

        @Override
        public LrStrategy create(Options o, StrategyFactory strategies) {
            return new Schedule(o.lr()) {
                @Override
                double rate(int u, int total) {
                    return base * Math.pow(o.gamma(), u);
                }
            };
        }
    }
}
