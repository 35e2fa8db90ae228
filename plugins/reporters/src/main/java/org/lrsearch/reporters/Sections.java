package org.lrsearch.reporters;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A report's sections, built at once on the machine's cores. */
final class Sections {
    private Sections() {
    }

    /**
     * Builds the sections at once, keyed in the given order. Each only reads the results (and the cells
     * and comparisons built before), and drawing the figures (curves, traces, fronts, profiles) is most of
     * a report's time, which one thread spent while the other cores idled. A section that fails fails the
     * build with its own exception, the first in the given order.
     */
    static Map<String, Object> inParallel(Map<String, Callable<Object>> sections) throws IOException {
        int threads = Math.max(1, Math.min(sections.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-section");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Object>> futures = new LinkedHashMap<>();
            sections.forEach((key, section) -> futures.put(key, pool.submit(section)));
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Object>> f : futures.entrySet()) {
                m.put(f.getKey(), f.getValue().get());
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the report", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
