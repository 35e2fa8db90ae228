package org.lrsearch.runner.cli;

import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.execute.ExperimentRunner;
import org.lrsearch.runner.execute.LocalEngine;
import org.lrsearch.runner.execute.RunEngine;
import org.lrsearch.runner.execute.RunEngines;
import org.lrsearch.runner.execute.Shard;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.serve.LiveServer;
import org.lrsearch.runner.store.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment: every run of its grid, then its reporters.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @CommandLine.Mixin
    ConfigArgs experiment = new ConfigArgs();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/NAME-TIMESTAMP)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "runs in parallel (default: all cores)")
    Integer threads;

    @Option(names = "--resume", description = "skip runs already complete in --out, do the rest")
    boolean resume;

    @Option(names = "--force", description = "replace the results already in --out")
    boolean force;

    @Option(names = "--shard", paramLabel = "I/N", description = "run only share I of N of the plan (runs at plan "
            + "positions p with p mod N = I-1) and no reporters; combine the shards with 'lrsearch merge'")
    String shard;

    @Option(names = "--executor", paramLabel = "ID", defaultValue = "local", description = "where runs execute: "
            + "local (this JVM's threads, default) or spark (Apache Spark; ./lrsearch adds the module)")
    String executor;

    @Option(names = "--master", paramLabel = "URL", description = "with --executor spark: the Spark master, e.g. "
            + "local[2] or spark://host:7077 (default: spark-submit's setting, else local[*])")
    String master;

    @Option(names = "--serve", description = "serve the output folder as a live page while the study runs, and after "
            + "it until Ctrl-C (see lrsearch serve; --port, --host)")
    boolean serve;

    @CommandLine.Mixin
    ServeOptions serving = new ServeOptions();

    @Override
    public Integer call() throws InterruptedException {
        if (!serve && (serving.port != null || !serving.host.equals("127.0.0.1"))) {
            throw new UsageException("--port and --host set where --serve listens; add --serve");
        }
        if (serve && shard != null) {
            throw new UsageException("--serve with --shard: a shard's folder holds part of the study; serve the merged "
                    + "folder with lrsearch serve DIR");
        }
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new UsageException("--threads " + threads + ": must be between 1 and 1024");
        }
        RunEngine engine = RunEngines.find(executor);
        if (threads != null && !engine.id().equals(LocalEngine.ID)) {
            throw new UsageException("--threads is a setting of the local executor; with --executor " + engine.id()
                    + " the master decides how many runs go in parallel (--master 'local[N]', or the cluster's cores)");
        }
        if (master != null && engine.id().equals(LocalEngine.ID)) {
            throw new UsageException("--master " + master + ": a setting of --executor spark; the local executor "
                    + "runs on this machine's threads (--threads)");
        }
        Map<String, String> options = master == null ? Map.of() : Map.of("master", master);
        if (resume && force) {
            throw new UsageException("--resume and --force exclude each other: --resume finishes the runs stored "
                    + "in --out, --force deletes them first; give one");
        }
        Shard part = shard == null ? null : Shard.parse(shard);
        Injector injector = common.injector();
        ExperimentPlan plan = experiment.plan(injector, Planner.DataCheck.FETCH);
        Path dir = out != null ? out : Path.of("results", plan.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        OutputFolder.prepare(dir, resume, force, plan);
        LogFiles.attach(dir.resolve("run.log"));
        LiveServer server = serve ? serving.start(dir, true, injector.getInstance(Reports.class), System.err) : null;
        ExperimentRunner.Outcome o = injector.getInstance(ExperimentRunner.class).run(plan, dir,
                new ExperimentRunner.Settings(engine, threads, options, common.pluginDir, part, resumeCommand(dir)), System.err);
        PrintStream console = System.out;
        if (o.cancelled()) {
            return Main.EXIT_INTERRUPTED;
        }
        console.printf("%s (%d resumed from before), %d failed, %d diverged.%n", ValidateCommand.count(o.total(), "run"),
                o.skipped(), o.failed(), o.diverged());
        if (part != null) {
            console.printf("shard %s of %s done in %s; once every shard is, combine them with:%n  ./lrsearch merge "
                    + "SHARD_FOLDERS... --out DIR%n", part, plan.name(), dir);
            if (plan.tuning() != null) {
                // A shard cannot see the other shards' tuning runs, which the evaluation runs are planned from.
                console.printf("this study is tuned: the shards ran its tuning runs; after the merge, run its evaluation "
                        + "runs with:%n  ./lrsearch run %s --resume --out DIR%n", plan.config().file());
            }
            return o.failed() > 0 ? Main.EXIT_FAILED_RUNS : 0;
        }
        BestCells.print(console, dir);
        Main.printOutputs(console, dir, o.files());
        if (server != null) {
            console.println("the study is done; still serving " + server.uri() + " (Ctrl-C stops)");
            console.flush();
            server.await();
        }
        return o.failed() > 0 ? Main.EXIT_FAILED_RUNS : 0;
    }

    /** The command that continues this one in {@code dir}, whole: the config, its overrides, plugins and executor. */
    String resumeCommand(Path dir) {
        List<String> words = new ArrayList<>(List.of("./lrsearch", "run", experiment.config.toString()));
        words.addAll(experiment.overrides);
        words.addAll(List.of("--out", dir.toString()));
        if (common.pluginDir != null) {
            words.addAll(List.of("--plugins", common.pluginDir.toString()));
        }
        if (threads != null) {
            words.addAll(List.of("--threads", String.valueOf(threads)));
        }
        if (!executor.equals(LocalEngine.ID)) {
            words.addAll(List.of("--executor", executor));
        }
        if (master != null) {
            words.addAll(List.of("--master", master));
        }
        if (shard != null) {
            words.addAll(List.of("--shard", shard));
        }
        words.add("--resume");
        return words.stream().map(RunCommand::shellWord).collect(java.util.stream.Collectors.joining(" "));
    }

    /** A word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
    static String shellWord(String w) {
        return w.matches("[A-Za-z0-9_./=:@%+,\\-]+") ? w : "'" + w.replace("'", "'\\''") + "'";
    }
}
