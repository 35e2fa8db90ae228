package org.lrsearch.runner.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config composed from files and command-line overrides: {@code extends} deep-merges a base file
 * (path relative to the file that names it), and {@code key.path=value} arguments override any key
 * (the value parsed as YAML). Remembers which file each key came from, so errors can name it.
 */
public final class ComposedConfig {
    public static final String COMMAND_LINE = "command line";

    private final Path file;
    private final Map<String, Object> tree;
    private final Map<String, String> origins;
    private final List<String> notices;

    private ComposedConfig(Path file, Map<String, Object> tree, Map<String, String> origins, List<String> notices) {
        this.file = file;
        this.tree = tree;
        this.origins = origins;
        this.notices = List.copyOf(notices);
    }

    /**
     * Loads {@code file}, its {@code extends} chain, then applies {@code overrides} in order. Files
     * are named in messages as the user typed them ({@code exp.yaml}, and a base it extends as
     * {@code base.yaml} beside it), not as absolute paths.
     */
    public static ComposedConfig load(Path file, List<String> overrides) {
        Map<String, String> origins = new HashMap<>();
        Map<String, Object> tree = loadFile(file.toAbsolutePath().normalize(), file.normalize(), null, origins,
                new ArrayDeque<>());
        List<String> notices = new java.util.ArrayList<>();
        for (String o : overrides) {
            applyOverride(tree, origins, o, notices);
        }
        return new ComposedConfig(file, tree, origins, notices);
    }

    /**
     * The config as composed elsewhere (another JVM's {@link #load}): the file as named in messages,
     * the tree and where each key came from. Used by workers that re-plan a driver's experiment.
     */
    public static ComposedConfig restore(Path file, Map<String, Object> tree, Map<String, String> origins) {
        return new ComposedConfig(file, tree, new HashMap<>(origins), List.of());
    }

    /** Dotted key to the file (or "command line") that set it, for {@link #restore}. */
    public Map<String, String> origins() {
        return java.util.Collections.unmodifiableMap(origins);
    }

    /** What the command line changed that the user should know about (a sweep it replaced), one line each. */
    public List<String> notices() {
        return notices;
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> tree() {
        return tree;
    }

    /** The file (or "command line") that set {@code dottedKey} or its nearest parent. */
    public String originOf(String dottedKey) {
        String k = dottedKey;
        while (true) {
            String o = origins.get(k);
            if (o != null) {
                return o;
            }
            int dot = k.lastIndexOf('.');
            if (dot < 0) {
                return file.toString();
            }
            k = k.substring(0, dot);
        }
    }

    /** A {@link ConfigException} for {@code key}, naming the file it came from. */
    public ConfigException error(String key, Object value, String problem) {
        return new ConfigException(originOf(key), key, value, problem);
    }

    /**
     * @param file    absolute, for reading and cycle detection
     * @param display the same file as the user would name it, for messages
     * @param namedBy the file whose {@code extends} names this one (as displayed), null for the first
     */
    private static Map<String, Object> loadFile(Path file, Path display, Path namedBy, Map<String, String> origins,
                                                Deque<Path> chain) {
        if (chain.contains(file)) {
            StringBuilder cycle = new StringBuilder();
            chain.descendingIterator().forEachRemaining(p -> cycle.append(p.getFileName()).append(" -> "));
            throw new ConfigException(String.valueOf(namedBy), "extends", file.getFileName().toString(),
                    "extends cycle: " + cycle + file.getFileName());
        }
        Map<String, Object> own = parse(file, display);
        chain.push(file);
        Map<String, Object> result;
        Object ext = own.remove("extends");
        Map<String, String> ownOrigins = new HashMap<>();
        record(own, "", display.toString(), ownOrigins);
        if (ext != null) {
            if (!(ext instanceof String name) || name.isBlank()) {
                throw new ConfigException(display.toString(), "extends", ext, "must be the path of another YAML file");
            }
            Path base = file.getParent().resolve(name).normalize();
            Path baseDisplay = display.getParent() == null ? Path.of(name).normalize()
                    : display.getParent().resolve(name).normalize();
            if (!Files.isRegularFile(base)) {
                throw new ConfigException(display.toString(), "extends", ext, "file " + baseDisplay + " does not exist");
            }
            result = loadFile(base, baseDisplay, display, origins, chain);
            merge(result, own);
        } else {
            result = own;
        }
        origins.putAll(ownOrigins);
        chain.pop();
        return result;
    }

    private static Map<String, Object> parse(Path absolute, Path file) {
        if (!Files.isRegularFile(absolute)) {
            throw new UsageException("config file " + file + " does not exist");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new UsageException("config file " + file + " cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("config file " + file + " is not UTF-8 text (binary file?)");
        }
        if (text.indexOf('\0') >= 0) {
            throw new UsageException("config file " + file + " is not a text file (it contains NUL bytes)");
        }
        if (text.isBlank()) {
            throw new UsageException("config file " + file + " is empty");
        }
        Object parsed;
        try {
            parsed = Mappers.parse(text);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new UsageException("config file " + file + where + ": YAML syntax error: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new UsageException("config file " + file + ": YAML error: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new UsageException("config file " + file + ": the top level must be a mapping of keys "
                    + "(dataset:, model:, training:, ...), found " + (parsed == null ? "nothing" : "a " + kind(parsed)));
        }
        return Mappers.map(Mappers.deepCopy(parsed));
    }

    static String kind(Object o) {
        if (o instanceof Map) {
            return "mapping";
        }
        if (o instanceof List) {
            return "list";
        }
        if (o instanceof String) {
            return "string";
        }
        if (o instanceof Number) {
            return "number";
        }
        if (o instanceof Boolean) {
            return "boolean";
        }
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static void record(Object node, String prefix, String origin, Map<String, String> origins) {
        if (!prefix.isEmpty()) {
            origins.put(prefix, origin);
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> record(v, prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, origin, origins));
        }
    }

    /**
     * Deep merge: maps merge key by key, anything else in {@code over} replaces, and a key set to
     * null ({@code hidden: null}) removes what the base file set (a model that has no such option).
     */
    static void merge(Map<String, Object> base, Map<String, Object> over) {
        over.forEach((k, v) -> {
            Object b = base.get(k);
            if (v == null) {
                base.remove(k);
            } else if (b instanceof Map && v instanceof Map) {
                merge(Mappers.map(b), Mappers.map(v));
            } else {
                base.put(k, v);
            }
        });
    }

    /**
     * Applies one {@code key.path=value}. {@code grid.KEY=[...]} adds or replaces the sweep of
     * {@code KEY} (everything after {@code grid.}, dots included) and {@code grid.KEY=null} removes
     * it; any other key the grid sweeps is fixed by the command line, which replaces that sweep (the
     * command line wins, as in Hydra) and says so in a notice.
     */
    private static void applyOverride(Map<String, Object> tree, Map<String, String> origins, String arg,
                                      List<String> notices) {
        KeyValue kv = KeyValue.parse(arg);
        String key = kv.key();
        String text = kv.text();
        Object value = kv.value();
        if (key.startsWith("grid.")) {
            String swept = key.substring("grid.".length());
            Map<String, Object> grid = gridOf(tree, key, value);
            if (value == null) {
                grid.remove(swept);
            } else {
                grid.put(swept, Mappers.deepCopy(value));
                record(value, key, COMMAND_LINE, origins);
            }
            origins.put(key, COMMAND_LINE);
            return;
        }
        if (tree.get("grid") instanceof Map<?, ?> grid && grid.containsKey(key)) {
            notices.add(key + "=" + text + " on the command line replaces the grid's sweep " + key + ": "
                    + Mappers.inline(grid.get(key)));
            grid.remove(key);
        }
        setPath(tree, key, Mappers.deepCopy(value), COMMAND_LINE, origins);
    }

    private static Map<String, Object> gridOf(Map<String, Object> tree, String key, Object value) {
        Object grid = tree.get("grid");
        if (grid == null) {
            grid = new LinkedHashMap<String, Object>();
            tree.put("grid", grid);
        }
        if (!(grid instanceof Map)) {
            throw new ConfigException(COMMAND_LINE, key, value, "'grid' is a " + kind(grid) + ", not a mapping");
        }
        return Mappers.map(grid);
    }

    /** Sets a dotted key, creating maps on the way; a non-map in the way is an error. */
    public static void setPath(Map<String, Object> tree, String dotted, Object value, String origin, Map<String, String> origins) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> node = tree;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            path.append(i == 0 ? "" : ".").append(parts[i]);
            Object next = node.get(parts[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                node.put(parts[i], next);
            } else if (!(next instanceof Map)) {
                throw new ConfigException(origin, dotted, value, "'" + path + "' is a " + kind(next)
                        + ", not a mapping, so it has no key '" + parts[i + 1] + "'");
            }
            node = Mappers.map(next);
        }
        node.put(parts[parts.length - 1], value);
        if (origins != null) {
            record(value, dotted, origin, origins);
            origins.put(dotted, origin);
        }
    }
}
