package org.lrsearch.runner.execute;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.RunStatus;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.PlannedRun;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.plan.TuningWinners;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.store.OutputFolder;
import org.lrsearch.runner.store.ResultsStore;

/**
 * Runs an experiment plan: every run not yet complete in the output folder's store, on a
 * {@link RunEngine} (this JVM's threads, or a cluster), each committed to the store as it finishes;
 * then the reporters. Results do not depend on the engine or the thread count: every run draws from
 * its own seeded RNGs and shares only read-only data.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LogManager.getLogger(ExperimentRunner.class);
    private final RunExecutor executor;
    private final Reports reports;
    private final Registry registry;
    private final Planner planner;

    @Inject
    public ExperimentRunner(RunExecutor executor, Reports reports, Registry registry, Planner planner) {
        this.executor = executor;
        this.reports = reports;
        this.registry = registry;
        this.planner = planner;
    }

    /** What a run of the command produced. */
    public record Outcome(int total, int skipped, int failed, int diverged, List<Path> files, boolean cancelled) {
    }

    /**
     * How to execute: the engine and its settings, and the share of the plan to run.
     *
     * @param engine    where the runs execute
     * @param threads   runs in parallel for engines that take it (null: the engine's default)
     * @param options   engine settings ({@code master} for Spark)
     * @param pluginDir the {@code --plugins} folder, or null
     * @param shard     only this share of the plan and no reporters (null: the whole plan); the shards'
     *                  folders are merged (and reported) by {@code lrsearch merge}
     */
    public record Settings(RunEngine engine, Integer threads, Map<String, String> options, Path pluginDir, Shard shard,
                           String resumeCommand) {
    }

    /** Runs the plan as {@code settings} say, committing each run to the store in {@code out} as it finishes. */
    public Outcome run(ExperimentPlan plan, Path out, Settings settings, PrintStream console) {
        Instant started = Instant.now();
        Shard shard = settings.shard();
        try (ResultsStore store = ResultsStore.open(out)) {
            String old = store.meta(Reports.META_INFO);
            if (old != null) {
                started = readStarted(old, started);
            }
            store.putMeta(OutputFolder.META_PLAN, Mappers.toJson(plan.identity()));
            store.putMeta(Reports.META_INFO, Mappers.toJson(info(plan, started, null, settings)));
            store.putMeta(Reports.META_REPORTERS, Mappers.toJson(plan.reporters().stream().map(ExperimentPlan.Reporter::spec).toList()));
            if (shard != null) {
                store.putMeta(Shard.META, shard.toString());
            }
            // A tuned study runs in stages: its tuning runs first, then the evaluation runs planned from the stored
            // winners (a resumed study replans them from the same stored runs, so it gets the same ones).
            ExperimentPlan stage = plan;
            Set<String> doneAtStart = store.completedRunIds();
            while (true) {
                Set<String> done = store.completedRunIds();
                List<PlannedRun> mine = shard == null ? stage.runs() : stage.runs().stream().filter(shard::owns).toList();
                List<PlannedRun> todo = mine.stream().filter(r -> !done.contains(r.spec().runId())).toList();
                int skipped = mine.size() - todo.size();
                if (skipped > 0) {
                    LOG.info("Resuming: {} of {} runs already complete in {}", skipped, stage.runs().size(), out);
                }
                LOG.info("Running {} runs of '{}' on {} into {}{}", todo.size(), plan.name(), where(settings), out,
                        stage.pending() ? " (tuning: evaluation runs follow)" : "");
                registry.infos().forEach(p -> LOG.debug("plugin {} {} version {} from {}", p.kind(), p.id(), p.version(), p.source()));
                RunEngine engine = settings.engine();
                Thread hook = new Thread(() -> {
                    engine.cancel();
                    System.err.println("\nStopped. Finished runs are saved in " + out.resolve(ResultsStore.FILE)
                            + ". Resume with:\n  " + settings.resumeCommand());
                }, "lrsearch-interrupt");
                Runtime.getRuntime().addShutdownHook(hook);
                // Lines where the console is not a terminal; the estimate always, kept in the store for readers.
                ProgressLines lines = new ProgressLines(todo, System.console() == null ? console : null);
                long[] recorded = {0};
                boolean complete;
                try (ProgressBar bar = System.console() == null ? null : progressBar(todo.size())) {
                    RunEngine.Job job = new RunEngine.Job(stage, executor, settings.threads(), settings.options(), settings.pluginDir());
                    complete = todo.isEmpty() || engine.execute(job, todo, (run, r) -> {
                        store.save(run.order(), r);
                        LOG.debug("run {} {} done: {}", run.spec().runId(), run.spec().strategy(), r.status().key());
                        lines.finished(run, r.wallMs());
                        if (bar != null) {
                            bar.step();
                        }
                        recordProgress(store, lines, recorded);
                    });
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException ignored) {
                        // already shutting down: the hook is running
                    }
                }
                if (!complete) {
                    return new Outcome(mine.size(), skipped, 0, 0, List.of(), true);
                }
                // A shard runs tuning runs only: the evaluation runs follow the merge (`run --resume` on it).
                if (!stage.pending() || shard != null) {
                    break;
                }
                ExperimentPlan next = planner.plan(stage.config(), Planner.DataCheck.NONE,
                        TuningWinners.of(stage, store.outcomes()));
                if (next.runs().size() == stage.runs().size()) {
                    break;
                }
                stage = next;
            }
            List<PlannedRun> mine = shard == null ? stage.runs() : stage.runs().stream().filter(shard::owns).toList();
            int skipped = (int) mine.stream().filter(r -> doneAtStart.contains(r.spec().runId())).count();
            // The last stage's plan: with a tuned study's winners, which the report shows.
            store.putMeta(Reports.META_INFO, Mappers.toJson(info(stage, started, Instant.now(), settings)));
            // Every run of this plan (or shard) in the folder counts, those of earlier sessions too.
            Set<String> ids = mine.stream().map(r -> r.spec().runId()).collect(java.util.stream.Collectors.toSet());
            Map<String, Integer> statuses = store.statusCounts(ids);
            int failed = statuses.getOrDefault(RunStatus.FAILED.key(), 0);
            int diverged = statuses.getOrDefault(RunStatus.DIVERGED.key(), 0);
            store.close();
            if (shard != null) {
                return new Outcome(mine.size(), skipped, failed, diverged, List.of(), false);
            }
            List<Path> files;
            try {
                files = reports.render(out);
            } catch (UsageException e) {
                throw new UsageException(e.getMessage() + "\nEvery finished run is saved in " + out.resolve(ResultsStore.FILE)
                        + "; once that is fixed, render the reports again with:\n  ./lrsearch report " + out, e);
            }
            return new Outcome(mine.size(), skipped, failed, diverged, files, false);
        }
    }

    /** Meta key of the run command's own estimate of the time left: {@code {"etaMs": ..., "at": epoch ms}}. */
    public static final String META_PROGRESS = "progress";

    /**
     * Keeps the estimate of the time left in the store for readers of the folder: at most once a second, and
     * less often where estimating is slow (a grid of many thousand distinct cells), so it never costs the runs
     * more than 2% of a core.
     */
    private static void recordProgress(ResultsStore store, ProgressLines lines, long[] next) {
        long now = System.currentTimeMillis();
        if (now >= next[0]) {
            long eta = lines.etaMs();
            long took = System.currentTimeMillis() - now;
            next[0] = now + Math.max(1000, 50 * took);
            store.putMeta(META_PROGRESS, Mappers.toJson(Map.of("etaMs", eta, "at", now)));
        }
    }

    private static String where(Settings s) {
        if (s.engine().id().equals(LocalEngine.ID)) {
            int n = s.threads() == null ? Runtime.getRuntime().availableProcessors() : s.threads();
            return n + (n == 1 ? " thread" : " threads");
        }
        return s.engine().id() + (s.options().isEmpty() ? "" : " " + s.options());
    }

    private static ProgressBar progressBar(int total) {
        if (total == 0) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("runs").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).showSpeed().build();
    }

    private static Instant readStarted(String json, Instant dflt) {
        try {
            Instant s = Mappers.JSON.readValue(json, ExperimentInfo.class).started();
            return s == null ? dflt : s;
        } catch (IOException e) {
            return dflt;
        }
    }

    ExperimentInfo info(ExperimentPlan plan, Instant started, Instant finished, Settings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        String v = ExperimentRunner.class.getPackage().getImplementationVersion();
        env.put("lrsearch", v == null ? "dev" : v);
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        env.put("executor", settings.engine().id());
        if (settings.engine().id().equals(LocalEngine.ID)) {
            env.put("threads", String.valueOf(settings.threads() == null ? Runtime.getRuntime().availableProcessors()
                    : settings.threads()));
        }
        settings.options().forEach(env::put);
        return new ExperimentInfo(plan.name(), plan.config().file().toAbsolutePath().normalize().toString(),
                resolvedConfig(plan), plan.strategies(), plan.report(), registry.infos(), plan.seeds(),
                started, finished, env, tuning(plan));
    }

    /** The tuning block and every candidate, as reports read them (null without tuning). */
    static Map<String, Object> tuning(ExperimentPlan plan) {
        if (plan.tuning() == null) {
            return null;
        }
        Map<String, Object> t = new LinkedHashMap<>(Mappers.map(plan.config().tree().get("tuning")));
        t.put("seeds", plan.tuning().seeds());
        List<Map<String, Object>> trials = new java.util.ArrayList<>();
        for (ExperimentPlan.Trial tr : plan.trials()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("setting", tr.setting());
            m.put("strategy", tr.label());
            m.put("trial", tr.trial());
            m.put("options", tr.options());
            m.put("infeasible", tr.infeasible());
            trials.add(m);
        }
        t.put("trials", trials);
        t.put("winners", TuningWinners.describe(plan.winners()));
        return t;
    }

    /**
     * The config as composed (base files, overrides), then, as a second YAML document, what the
     * config left to defaults: the first run's resolved config and every strategy's resolved spec.
     */
    static String resolvedConfig(ExperimentPlan plan) {
        StringBuilder b = new StringBuilder(Mappers.toYaml(plan.config().tree()));
        if (!plan.runs().isEmpty()) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("firstRun", plan.runs().get(0).resolved());
            defaults.put("strategies", plan.strategies());
            b.append("---\n# With every default filled in: the first run (the others differ only in the swept keys and the\n"
                    + "# seed) and every strategy.\n").append(Mappers.toYaml(defaults));
        }
        return b.toString();
    }
}
