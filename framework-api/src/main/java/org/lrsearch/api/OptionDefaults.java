package org.lrsearch.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An option's default, read from its {@link Option#defaultValue()}: the one place it is declared.
 * The runner fills every option a config leaves out with it before binding; tests and code that build
 * an options record directly get the same values through {@link #create}.
 *
 * <p>A default is a literal of the option's type, written as in YAML's flow style: a number
 * ({@code 8}, {@code 1e-6}, {@code .inf}), {@code true}/{@code false}, a plain string, a list
 * ({@code [0.5, 1.0]}) or a mapping of plain values ({@code {plugin: k-min-loss}}); an option typed
 * {@code Object} takes it as YAML reads a plain scalar (number, boolean, else string). Anything
 * else (a description such as {@code detected} for a Boolean, an empty text) fills nothing: the
 * record's own constructor decides what a missing value means.
 *
 * @since 0.1
 */
public final class OptionDefaults {
    private OptionDefaults() {
    }

    /** The default of one component as a value of its type, or null when it has none that is a literal. */
    public static Object of(RecordComponent component) {
        Option o = component.getAnnotation(Option.class);
        return o == null ? null : parse(o.defaultValue(), component.getGenericType());
    }

    /**
     * The record with {@code values} for the components they name and every other component at its default
     * (null where it has none), through its canonical constructor, so the record validates as usual. A
     * null value takes the default, as a key set to null in a config does.
     *
     * @throws IllegalArgumentException when {@code values} names a component the record does not have
     */
    public static <R extends Record> R create(Class<R> type, Map<String, ?> values) {
        RecordComponent[] rc = type.getRecordComponents();
        List<String> names = Arrays.stream(rc).map(RecordComponent::getName).toList();
        for (String k : values.keySet()) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no option '" + k + "'; it has " + names);
            }
        }
        Object[] args = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            Object given = values.get(rc[i].getName());
            args[i] = given != null ? given : of(rc[i]);
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName() + ": " + e, e);
        }
    }

    /** The record with every component at its default. */
    public static <R extends Record> R create(Class<R> type) {
        return create(type, Map.of());
    }

    static Object parse(String text, Type type) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("null") || t.equals("~")) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : null;
        if (raw == List.class) {
            if (!t.startsWith("[") || !t.endsWith("]")) {
                return null;
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (String item : split(t.substring(1, t.length() - 1))) {
                Object v = parse(item, element);
                if (v == null) {
                    return null;
                }
                out.add(v);
            }
            return List.copyOf(out);
        }
        if (raw == Map.class) {
            if (!t.startsWith("{") || !t.endsWith("}")) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String entry : split(t.substring(1, t.length() - 1))) {
                int colon = entry.indexOf(':');
                if (colon < 0) {
                    return null;
                }
                out.put(unquote(entry.substring(0, colon).strip()), plain(entry.substring(colon + 1).strip()));
            }
            return out;
        }
        return raw == Object.class ? plain(t) : scalar(t, raw);
    }

    private static Object scalar(String t, Class<?> raw) {
        try {
            if (raw == Double.class || raw == double.class) {
                return switch (t) {
                    case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
                    case "-.inf" -> Double.NEGATIVE_INFINITY;
                    case ".nan" -> Double.NaN;
                    default -> Double.valueOf(t);
                };
            }
            if (raw == Integer.class || raw == int.class) {
                return Integer.valueOf(t);
            }
            if (raw == Long.class || raw == long.class) {
                return Long.valueOf(t);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
        }
        return raw == String.class ? unquote(t) : null;
    }

    /** A value inside a mapping: a number, a boolean or a string, as YAML reads a plain scalar. */
    private static Object plain(String t) {
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        try {
            return t.matches("[-+]?\\d+") ? (Object) Integer.valueOf(t) : Double.valueOf(t);
        } catch (NumberFormatException e) {
            return unquote(t);
        }
    }

    private static String unquote(String t) {
        boolean quoted = t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"));
        return quoted ? t.substring(1, t.length() - 1) : t;
    }

    /** Items of a flow list or mapping, split at top-level commas (a list of mappings nests one level). */
    private static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        if (body.isBlank()) {
            return out;
        }
        int depth = 0, from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(body.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(body.substring(from).strip());
        return out;
    }
}
