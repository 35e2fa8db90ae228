package org.lrsearch.runner.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lrsearch.runner.config.Mappers;

/**
 * What makes two plans the same experiment: the runs (their ids hash each run's normalised, fully
 * resolved config and seed), in order, and the versions of the plugins that compute them. Names,
 * descriptions, reporters, report settings, times and the machine are left out: they change no
 * number. {@code --resume} (and merging shards) compares fingerprints; the config is kept only to
 * say what differs.
 *
 * @param fingerprint SHA-256 of the runs and plugin versions
 * @param config      the config keys that decide the runs, flattened to dotted keys
 * @param runIds      every run id, in plan order
 * @param plugins     {@code kind:id} → version, for the plugins the runs use (with the SHA-256 of a
 *                    {@code --plugins} jar, so a jar rebuilt under the same version is another plan)
 * @param defaults    the first run's fully resolved config, flattened: what the config left to defaults,
 *                    so that a default newly filled in is named when it changes the runs (null in stores
 *                    written before it was recorded)
 */
public record PlanIdentity(String fingerprint, Map<String, String> config, List<String> runIds,
                           Map<String, String> plugins, Map<String, String> defaults) {

    /** Config keys that change no run, left out of the comparison. */
    static final List<String> NOT_RUN_KEYS = List.of("name", "description", "reporters", "report");

    static PlanIdentity of(Map<String, Object> tree, List<String> runIds, Map<String, String> plugins,
                           Map<String, Object> firstRun) {
        Map<String, Object> decisive = new LinkedHashMap<>(tree);
        NOT_RUN_KEYS.forEach(decisive::remove);
        Map<String, String> flat = new TreeMap<>();
        flatten("", decisive, flat);
        Map<String, String> sortedPlugins = new TreeMap<>(plugins);
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("runs", runIds);
        hashed.put("plugins", sortedPlugins);
        Map<String, String> defaults = new TreeMap<>();
        flatten("", firstRun, defaults);
        return new PlanIdentity(sha256(Mappers.toJson(hashed)), flat, List.copyOf(runIds), sortedPlugins, defaults);
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else {
            out.put(prefix, Mappers.toJson(node));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What differs from {@code other}, in lines a user can act on (empty when the fingerprints match). */
    public List<String> differencesFrom(PlanIdentity other) {
        List<String> out = new ArrayList<>();
        if (fingerprint.equals(other.fingerprint)) {
            return out;
        }
        changes(other.config, config, "", out);
        if (out.isEmpty() && other.defaults != null && defaults != null) {
            // The config reads the same: the runs differ in what it left to defaults (a default newly filled in).
            changes(other.defaults, defaults, " (a default)", out);
        }
        TreeMap<String, String> ids = new TreeMap<>(other.plugins);
        ids.putAll(plugins);
        for (String p : ids.keySet()) {
            String was = other.plugins.get(p), now = plugins.get(p);
            if (!java.util.Objects.equals(was, now)) {
                out.add("plugin " + p + ": version " + (was == null ? "(unused)" : was) + " -> "
                        + (now == null ? "(unused)" : now));
            }
        }
        long gone = other.runIds.stream().filter(id -> !runIds.contains(id)).count();
        long added = runIds.stream().filter(id -> !other.runIds.contains(id)).count();
        if (gone > 0 || added > 0) {
            out.add(gone + " stored runs are not in the current plan, " + added + " planned runs are new");
        } else if (out.isEmpty()) {
            out.add("the same runs in another order");
        }
        return out;
    }

    /** "key: was -> now" for every key whose value differs, in key order. */
    private static void changes(Map<String, String> was, Map<String, String> now, String what, List<String> out) {
        TreeMap<String, String> keys = new TreeMap<>(was);
        keys.putAll(now);
        for (String k : keys.keySet()) {
            if (!java.util.Objects.equals(was.get(k), now.get(k))) {
                out.add(k + what + ": " + (was.containsKey(k) ? was.get(k) : "(absent)") + " -> "
                        + (now.containsKey(k) ? now.get(k) : "(absent)"));
            }
        }
    }
}
