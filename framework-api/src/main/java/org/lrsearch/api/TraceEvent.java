package org.lrsearch.api;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a strategy decided in one iteration, in its own terms: a search round, a backtrack, a
 * restart. The runner stores events with the run ({@code results.db}, {@code traces/RUN_ID.jsonl})
 * without knowing their types; reports show them.
 *
 * @param iteration the training iteration (0-based) it happened in
 * @param type      what kind of event, a stable camelCase name chosen by the strategy ({@code searchRound})
 * @param payload   its fields: numbers, strings, booleans, lists; arrays become lists and a NaN
 *                  number becomes null, so an event reads the same before and after it is stored
 * @since 0.1
 */
public record TraceEvent(int iteration, String type, Map<String, Object> payload) {
    public TraceEvent {
        Map<String, Object> m = new LinkedHashMap<>();
        payload.forEach((k, v) -> m.put(k, plain(v)));
        payload = Collections.unmodifiableMap(m);
    }

    private static Object plain(Object v) {
        if (v instanceof Double d && d.isNaN()) {
            return null;
        }
        if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>(a.length);
            for (double d : a) {
                l.add(Double.isNaN(d) ? null : d);
            }
            return Collections.unmodifiableList(l);
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof long[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(plain(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** A number field, NaN when absent or null. */
    public double number(String field) {
        return payload.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A list-of-numbers field as an array (null entries NaN), empty when absent. */
    public double[] numbers(String field) {
        if (!(payload.get(field) instanceof List<?> l)) {
            return new double[0];
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }
}
