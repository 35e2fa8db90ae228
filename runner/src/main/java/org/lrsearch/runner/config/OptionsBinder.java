package org.lrsearch.runner.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.OptionDefaults;

/**
 * Binds a config section onto a plugin's options record: unknown keys are refused with a
 * "did you mean", options left out take their declared default ({@link OptionDefaults}), types are
 * strict (no 2.5 → 2, no "8" → 8), and the record's own validation
 * becomes a {@link ConfigException} naming the file, the full key and the value.
 */
public final class OptionsBinder {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private OptionsBinder() {
    }

    /**
     * @param prefix   the section's dotted key, e.g. {@code strategies.H1}
     * @param originOf which file set a dotted key
     */
    public static <O extends Record> O bind(Class<O> type, Map<String, Object> values, String prefix,
                                            Function<String, String> originOf) {
        return bind(type, values, prefix, originOf, List.of());
    }

    /**
     * @param coreKeys keys of the same section that the runner reads itself (already taken out of
     *                 {@code values}), listed and suggested beside the plugin's options when a key is unknown
     */
    public static <O extends Record> O bind(Class<O> type, Map<String, Object> values, String prefix,
                                            Function<String, String> originOf, List<String> coreKeys) {
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> valid = new java.util.ArrayList<>(coreKeys);
        valid.addAll(names);
        for (var e : values.entrySet()) {
            if (!names.contains(e.getKey())) {
                String key = join(prefix, e.getKey());
                throw new ConfigException(originOf.apply(key), key, e.getValue(), "unknown key" + didYouMean(e.getKey(), valid)
                        + (valid.isEmpty() ? "; this section takes no options" : "; valid keys: " + String.join(", ", valid)));
            }
        }
        // Every option left out (or set to null) takes its declared default: the record never restates it.
        Map<String, Object> filled = new java.util.LinkedHashMap<>(values);
        for (RecordComponent rc : type.getRecordComponents()) {
            if (filled.get(rc.getName()) == null) {
                Object d = OptionDefaults.of(rc);
                if (d != null) {
                    filled.put(rc.getName(), d);
                }
            }
        }
        try {
            return STRICT.convertValue(filled, type);
        } catch (IllegalArgumentException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof InvalidOptionException ioe) {
                    String key = join(prefix, ioe.key());
                    throw new ConfigException(originOf.apply(key), key, ioe.value(), ioe.getMessage());
                }
                c = c.getCause();
            }
            if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
                String field = jme.getPath().get(0).getFieldName();
                String key = join(prefix, field);
                RecordComponent rc = Arrays.stream(type.getRecordComponents()).filter(r -> r.getName().equals(field))
                        .findFirst().orElse(null);
                String want = rc == null ? "a different type" : describe(rc);
                throw new ConfigException(originOf.apply(key), key, values.get(field), "must be " + want);
            }
            throw new ConfigException(originOf.apply(prefix), prefix, null, "cannot be read: " + e.getMessage());
        }
    }

    private static String describe(RecordComponent rc) {
        Class<?> t = rc.getType();
        String what;
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            what = "a whole number";
        } else if (t == Double.class || t == double.class) {
            what = "a number";
        } else if (t == Boolean.class || t == boolean.class) {
            what = "true or false";
        } else if (t == String.class) {
            what = "a string";
        } else if (List.class.isAssignableFrom(t)) {
            what = "a list" + (rc.getGenericType().getTypeName().contains("Double") ? " of numbers" : "");
        } else if (Map.class.isAssignableFrom(t)) {
            what = "a mapping";
        } else {
            what = "a " + t.getSimpleName();
        }
        Option o = rc.getAnnotation(Option.class);
        return o == null ? what : what + " (" + o.description() + ")";
    }

    static String join(String prefix, String key) {
        return prefix == null || prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** "; did you mean 'x'?" when a valid name is close to {@code given}, else empty. */
    public static String didYouMean(String given, java.util.Collection<String> valid) {
        String g = given.toLowerCase(java.util.Locale.ROOT);
        return valid.stream()
                .filter(v -> {
                    String c = v.toLowerCase(java.util.Locale.ROOT);
                    // A typo (small edit distance) or a truncation (`batch` for `batchSize`).
                    return distance(c, g) <= Math.max(2, g.length() / 3) || (g.length() >= 3 && c.startsWith(g));
                })
                .min(Comparator.comparingInt(v -> distance(v.toLowerCase(), given.toLowerCase())))
                .map(v -> "; did you mean '" + v + "'?").orElse("");
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The record's options with their documentation, for {@code lrsearch plugins}. */
    public static List<String[]> describeOptions(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(rc -> {
            Option o = rc.getAnnotation(Option.class);
            return new String[] {rc.getName(), o == null ? "" : o.defaultValue(), o == null ? "" : o.description()};
        }).toList();
    }
}
