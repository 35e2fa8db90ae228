package org.lrsearch.runner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.lrsearch.api.Seeds;

/**
 * The {@code tuning:} block (docs/USER-GUIDE.md, "Tuning"), validated: per strategy label a search space
 * over its options, the same budget of candidates for every tuned strategy and setting, the tuning seeds
 * (never evaluation seeds) and the objective read from tuning runs (validation accuracy or the final
 * training loss, never test accuracy).
 *
 * @param budget          candidates per strategy and setting
 * @param sampler         {@code sobol}, {@code random} or {@code grid}
 * @param seeds           the tuning seeds
 * @param objective       {@code validation-accuracy} (maximised) or {@code final-train-loss} (minimised)
 * @param space           strategy label → its ranges, in the order written
 * @param compareDefaults whether each tuned strategy also runs as written, labelled {@code LABEL (default)}
 */
public record Tuning(int budget, String sampler, List<Long> seeds, String objective, Map<String, List<Range>> space,
                     boolean compareDefaults) {
    static final List<String> KEYS = List.of("budget", "sampler", "seeds", "objective", "space", "compareDefaults");
    static final List<String> SAMPLERS = List.of("sobol", "random", "grid");
    static final List<String> OBJECTIVES = List.of("validation-accuracy", "final-train-loss");
    static final List<String> KINDS = List.of("log", "linear", "choice", "grid");

    /**
     * One option's range.
     *
     * @param option  the option's name in the strategy's spec
     * @param kind    {@code log}, {@code linear} ({@code values} = [a, b]), {@code choice} or {@code grid} (the values)
     * @param values  the bounds or the values
     * @param integer whether the option is a whole number (a drawn value rounds to the nearest)
     */
    public record Range(String option, String kind, List<Object> values, boolean integer) {
        /** The value at u ∈ [0, 1) (sobol, random); a grid range is enumerated instead. */
        Object at(double u) {
            Object v;
            switch (kind) {
                case "log" -> {
                    double a = number(values.get(0)), b = number(values.get(1));
                    v = Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)));
                }
                case "linear" -> {
                    double a = number(values.get(0)), b = number(values.get(1));
                    v = a + u * (b - a);
                }
                default -> v = values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
            }
            return integer && v instanceof Double d ? (Object) Math.round(d) : v;
        }

        static double number(Object o) {
            return ((Number) o).doubleValue();
        }
    }

    /** Whether {@code label} is tuned. */
    public boolean tunes(String label) {
        return space.containsKey(label);
    }

    /**
     * The {@code budget} candidates for a strategy in one setting: option name → value, in draw order.
     * Sobol takes the first points of Commons Math's sequence of dimension = number of options; random
     * draws from a seed derived from the setting and label; grid enumerates the product, first option
     * outermost.
     */
    public List<Map<String, Object>> candidates(String label, String setting) {
        List<Range> ranges = space.get(label);
        List<Map<String, Object>> out = new ArrayList<>();
        if (sampler.equals("grid")) {
            Map<String, List<Object>> grid = new LinkedHashMap<>();
            ranges.forEach(r -> grid.put(r.option(), r.values()));
            return Grid.cells(grid);
        }
        SobolSequenceGenerator sobol = sampler.equals("sobol") ? new SobolSequenceGenerator(ranges.size()) : null;
        SplittableRandom rng = new SplittableRandom(Seeds.derive(0, "tuning/" + label + "/" + setting));
        for (int i = 0; i < budget; i++) {
            double[] u = sobol != null ? sobol.nextVector() : rng.doubles(ranges.size()).toArray();
            Map<String, Object> m = new LinkedHashMap<>();
            for (int d = 0; d < ranges.size(); d++) {
                m.put(ranges.get(d).option(), ranges.get(d).at(u[d]));
            }
            out.add(m);
        }
        return out;
    }
}
