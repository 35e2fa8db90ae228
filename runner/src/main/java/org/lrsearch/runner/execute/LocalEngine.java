package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lrsearch.api.RunResult;
import org.lrsearch.runner.plan.PlannedRun;

/**
 * The default engine: a fixed thread pool in this JVM. Results do not depend on the thread count:
 * every run draws from its own seeded RNGs and shares only read-only data.
 */
public final class LocalEngine implements RunEngine {
    public static final String ID = "local";
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(LocalEngine.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ExecutorService pool;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean execute(Job job, List<PlannedRun> runs, Completion done) {
        int threads = job.threads() == null ? Runtime.getRuntime().availableProcessors() : job.threads();
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "run-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (cancelled.get()) {
            pool.shutdownNow();
        }
        try {
            warmUp(job, runs);
            // The futures hold nothing once a run is handed on: a future that kept its result would keep
            // every run's curves and traces in memory until the last run ends (a 30,000-run study ran out
            // of a 256 MiB heap that way).
            List<Future<?>> futures = new ArrayList<>();
            for (PlannedRun run : runs) {
                futures.add(pool.submit(() -> {
                    RunResult r = job.executor().execute(run, job.plan().config(), cancelled::get);
                    synchronized (done) {
                        done.finished(run, r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Trainer.Cancelled) {
                return false;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | CancellationException | java.util.concurrent.RejectedExecutionException e) {
            return false;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One shortened, discarded run of each strategy to come, on the pool, before any run is timed
     * ({@link RunExecutor#warmUp}): so {@code wall_ms} does not depend on which strategy ran first.
     */
    private void warmUp(Job job, List<PlannedRun> runs) throws InterruptedException, ExecutionException {
        long t0 = System.nanoTime();
        java.util.Map<String, PlannedRun> firstOf = new java.util.LinkedHashMap<>();
        runs.forEach(r -> firstOf.putIfAbsent(r.spec().strategy(), r));
        List<Future<?>> warm = new ArrayList<>();
        for (PlannedRun run : firstOf.values()) {
            warm.add(pool.submit(() -> job.executor().warmUp(run, job.plan().config(), cancelled::get)));
        }
        for (Future<?> f : warm) {
            f.get();
        }
        LOG.info("JIT warm-up: {} shortened runs ({} iterations at most, discarded) in {} ms", firstOf.size(),
                RunExecutor.WARM_UP_ITERATIONS, (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
