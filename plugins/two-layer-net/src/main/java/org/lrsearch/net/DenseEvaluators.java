package org.lrsearch.net;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link DenseEvaluator}s on the classpath, by id, found once. */
final class DenseEvaluators {
    private static final Map<String, DenseEvaluator> FOUND = find();

    private DenseEvaluators() {
    }

    private static Map<String, DenseEvaluator> find() {
        Map<String, DenseEvaluator> m = new TreeMap<>();
        for (DenseEvaluator e : ServiceLoader.load(DenseEvaluator.class, DenseEvaluator.class.getClassLoader())) {
            m.putIfAbsent(e.id(), e);
        }
        return m;
    }

    static Map<String, DenseEvaluator> all() {
        return FOUND;
    }

    /** The evaluator as the net calls it. */
    static TestEvaluator adapt(DenseEvaluator e) {
        return (l, theta, samples) -> e.logits(l.in(), l.hidden(), l.out(), theta, samples);
    }
}
