package org.lrsearch.runner.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.Plugin;
import org.lrsearch.api.PluginInfo;
import org.lrsearch.api.ReporterPlugin;
import org.lrsearch.runner.config.UsageException;

/**
 * Every plugin found through {@link ServiceLoader}, by kind and id (sorted by id). Discovery runs
 * once, before the injector is built; a duplicate id within a kind is an error, since configs
 * could not say which one they mean.
 */
public final class Registry {
    private static final Logger LOG = LogManager.getLogger(Registry.class);

    /** The plugin kinds, with the name used in configs and messages. */
    public enum Kind {
        DATASET("dataset", DatasetPlugin.class),
        MODEL("model", ModelPlugin.class),
        STRATEGY("strategy", LrStrategyPlugin.class),
        OPTIMIZER("optimizer", OptimizerPlugin.class),
        REPORTER("reporter", ReporterPlugin.class);

        final String label;
        final Class<?> service;

        Kind(String label, Class<?> service) {
            this.label = label;
            this.service = service;
        }

        public String label() {
            return label;
        }
    }

    private final Map<Kind, Map<String, Plugin<?>>> byKind;
    private final List<PluginInfo> infos;

    Registry(Map<Kind, Map<String, Plugin<?>>> byKind, List<PluginInfo> infos) {
        this.byKind = byKind;
        this.infos = List.copyOf(infos);
    }

    /** Discovers plugins on the class path and in the jars of {@code pluginDir} (may be null). */
    public static Registry discover(Path pluginDir) {
        ClassLoader loader = Registry.class.getClassLoader();
        if (pluginDir != null) {
            loader = jarLoader(pluginDir, loader);
        }
        return discover(loader);
    }

    /** Discovers the plugins {@code loader} sees (a cluster worker's task class loader, with shipped jars). */
    public static Registry discover(ClassLoader loader) {
        Map<Kind, Map<String, Plugin<?>>> byKind = new java.util.EnumMap<>(Kind.class);
        List<PluginInfo> infos = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Map<String, Plugin<?>> plugins = new TreeMap<>();
            for (Object o : ServiceLoader.load(kind.service, loader)) {
                Plugin<?> p = (Plugin<?>) o;
                register(kind, p, plugins);
                PluginInfo info = new PluginInfo(kind.label, p.id(), p.version(), source(p));
                infos.add(info);
                LOG.debug("plugin {} {} {} from {}", kind.label, p.id(), p.version(), info.source());
            }
            byKind.put(kind, Collections.unmodifiableMap(plugins));
        }
        return new Registry(byKind, infos);
    }

    static void register(Kind kind, Plugin<?> p, Map<String, Plugin<?>> plugins) {
        String id = p.id();
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new UsageException("plugin " + p.getClass().getName() + " (" + source(p) + ") has id '" + id
                    + "': ids must be kebab-case, e.g. my-strategy");
        }
        Plugin<?> old = plugins.putIfAbsent(id, p);
        if (old != null) {
            throw new UsageException("two " + kind.label + " plugins have the id '" + id + "': "
                    + old.getClass().getName() + " (" + source(old) + ") and " + p.getClass().getName() + " ("
                    + source(p) + "); remove one of the jars");
        }
    }

    private static ClassLoader jarLoader(Path dir, ClassLoader parent) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--plugins " + dir + ": not a folder");
        }
        List<URL> urls = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                urls.add(p.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UsageException("--plugins " + dir + ": cannot be listed (" + e.getMessage() + ")");
        }
        warnAboutSharedClasses(urls);
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /**
     * The same class in two jars of the folder (an old and a new build of one plugin, say): the
     * class loader takes the first, silently. Say so, on the console and in the log.
     */
    static List<String> warnAboutSharedClasses(List<URL> jars) {
        Map<String, String> firstJar = new java.util.HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (URL u : jars) {
            String jar;
            try {
                jar = Path.of(u.toURI()).getFileName().toString();
            } catch (java.net.URISyntaxException e) {
                jar = u.toString();
            }
            try (java.util.jar.JarFile f = new java.util.jar.JarFile(Path.of(u.toURI()).toFile())) {
                for (var e : java.util.Collections.list(f.entries())) {
                    if (!e.getName().endsWith(".class") || e.getName().endsWith("module-info.class")) {
                        continue;
                    }
                    String previous = firstJar.putIfAbsent(e.getName(), jar);
                    if (previous != null && !previous.equals(jar)) {
                        String cls = e.getName().replace('/', '.').replaceAll("\\.class$", "");
                        warnings.add("warning: class " + cls + " is in both " + previous + " and " + jar
                                + " of the plugins folder; " + previous + " is used");
                    }
                }
            } catch (IOException | java.net.URISyntaxException e) {
                throw new UsageException("--plugins: " + jar + " is not a readable jar (" + e.getMessage() + ")");
            }
        }
        warnings.forEach(w -> {
            System.err.println(w);
            LOG.warn(w);
        });
        return warnings;
    }

    /**
     * A plugin's version as a plan records it: with the SHA-256 of its jar when it came from a
     * {@code --plugins} folder (another class loader than lrsearch's own), since a plugin rebuilt with new
     * code but the same version computes other numbers.
     */
    public static String fingerprint(Plugin<?> p) {
        if (p.getClass().getClassLoader() == Registry.class.getClassLoader()) {
            return p.version();
        }
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        try {
            Path jar = Path.of(cs.getLocation().toURI());
            // Hashed once per jar as it is now (a plan asks once per run; a jar rebuilt in place is hashed anew).
            String key = jar + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            return p.version() + " (sha256 " + JAR_HASHES.computeIfAbsent(key, k -> sha256(jar)) + ")";
        } catch (Exception e) {
            return p.version();
        }
    }

    private static final Map<String, String> JAR_HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String sha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("hashing " + file + ": " + e.getMessage(), e);
        }
    }

    public static String source(Object p) {
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(cs.getLocation().toURI()).getFileName().toString();
        } catch (Exception e) {
            return cs.getLocation().toString();
        }
    }

    public Map<String, Plugin<?>> plugins(Kind kind) {
        return byKind.get(kind);
    }

    public List<PluginInfo> infos() {
        return infos;
    }

    /** One kind's plugins as their interface ({@code Map<String, ModelPlugin<?>>} for MODEL), by id. */
    @SuppressWarnings("unchecked") // every plugin of a kind was checked to implement its service interface
    public <T> Map<String, T> typed(Kind kind) {
        return (Map<String, T>) (Map<String, ?>) byKind.get(kind);
    }

}
