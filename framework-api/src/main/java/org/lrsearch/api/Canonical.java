package org.lrsearch.api;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One shared instance per distinct immutable value, as {@link String#intern} gives for strings, and given
 * back to the collector once nothing holds it. The runs of one cell of a study carry equal coordinates
 * (fifteen entries for the paper's grid, about a kilobyte): a study of 30,000 runs read back from its store
 * holds each distinct set once, not once a run. Values must be immutable all the way down: equal values
 * are shared between runs.
 */
final class Canonical {
    private static final Map<Object, WeakReference<Object>> SEEN = new WeakHashMap<>();

    private Canonical() {
    }

    /** The shared instance equal to {@code value}; {@code value} must never change afterwards. */
    @SuppressWarnings("unchecked")
    static synchronized <T> T of(T value) {
        WeakReference<Object> ref = SEEN.get(value);
        Object held = ref == null ? null : ref.get();
        if (held == null) {
            SEEN.put(value, new WeakReference<>(value));
            return value;
        }
        // Maps are equal whatever their order, but coordinates are reported in theirs: share only the same order.
        if (held instanceof Map<?, ?> h && value instanceof Map<?, ?> v && !List.copyOf(h.keySet()).equals(List.copyOf(v.keySet()))) {
            return value;
        }
        return (T) held;
    }
}
