package org.lrsearch.mlp;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link MatrixBackend}s on the classpath, by id, found once; and when one pays. */
final class Backends {
    /**
     * Multiply-adds of one product (m·k·n) from which a backend beats plain loops, measured with
     * JMH ({@code MlpEvaluationBenchmark}, README "ND4J crossover").
     */
    static final long CROSSOVER = 25_000_000L;
    private static final Map<String, MatrixBackend> FOUND = find();

    private Backends() {
    }

    private static Map<String, MatrixBackend> find() {
        Map<String, MatrixBackend> m = new TreeMap<>();
        for (MatrixBackend b : ServiceLoader.load(MatrixBackend.class, MatrixBackend.class.getClassLoader())) {
            m.putIfAbsent(b.id(), b);
        }
        return m;
    }

    static Map<String, MatrixBackend> all() {
        return FOUND;
    }

    /** The backend for a product of {@code work} multiply-adds under {@code option}, or null for plain loops. */
    static MatrixBackend choose(String option, long work) {
        if (option.equals("jvm")) {
            return null;
        }
        if (option.equals("auto")) {
            return work >= CROSSOVER ? FOUND.values().stream().findFirst().orElse(null) : null;
        }
        return FOUND.get(option);
    }
}
