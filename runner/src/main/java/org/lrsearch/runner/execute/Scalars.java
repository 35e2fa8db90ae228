package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.ScalarSeries;

/** The scalars a strategy records, one growing series per name (amortised, no boxing). */
final class Scalars {
    private static final class Series {
        int[] iterations = new int[64];
        double[] values = new double[64];
        int size;
    }

    private final Map<String, Series> byName = new LinkedHashMap<>();

    void add(String name, int iteration, double value) {
        Series s = byName.computeIfAbsent(name, k -> new Series());
        if (s.size == s.values.length) {
            s.iterations = Arrays.copyOf(s.iterations, s.size * 2);
            s.values = Arrays.copyOf(s.values, s.size * 2);
        }
        s.iterations[s.size] = iteration;
        s.values[s.size++] = value;
    }

    List<ScalarSeries> series() {
        List<ScalarSeries> out = new ArrayList<>();
        byName.forEach((name, s) -> out.add(new ScalarSeries(name, Arrays.copyOf(s.iterations, s.size),
                Arrays.copyOf(s.values, s.size))));
        return out;
    }
}
