package org.lrsearch.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of this JVM's cores the runs leave idle. The engines count the runs in flight; a model that can
 * spread one computation over threads (the {@code cnn}'s test-set evaluation) does so only when a core is idle
 * (a study's last runs, a single run, a benchmark). Where every core already trains a run, the extra threads
 * only compete with those runs: a CNN grid on 2 cores took 7% longer with its evaluations spread.
 *
 * @since 0.2
 */
public final class Cores {
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private Cores() {
    }

    /** Counts a run as in flight until the returned handle is closed. */
    public static Running running() {
        RUNNING.incrementAndGet();
        return new Running();
    }

    /** The cores no run of this JVM occupies now (the calling run's own core is not idle). */
    public static int idle() {
        return Math.max(0, Runtime.getRuntime().availableProcessors() - RUNNING.get());
    }

    /** A run in flight; closing it (once) ends it. */
    public static final class Running implements AutoCloseable {
        private boolean closed;

        private Running() {
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                RUNNING.decrementAndGet();
            }
        }
    }
}
