package org.lrsearch.runner.cli;

import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.execute.ExperimentRunner;
import org.lrsearch.runner.execute.Shard;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
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

    @Override
    public Integer call() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > 1024) {
            throw new UsageException("--threads " + n + ": must be between 1 and 1024");
        }
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
        ExperimentRunner.Outcome o = injector.getInstance(ExperimentRunner.class).run(plan, dir, n, System.err, part);
        PrintStream console = System.out;
        if (o.cancelled()) {
            return Main.EXIT_INTERRUPTED;
        }
        console.printf("%s (%d resumed from before), %d failed, %d diverged.%n", ValidateCommand.count(o.total(), "run"),
                o.skipped(), o.failed(), o.diverged());
        if (part != null) {
            console.printf("shard %s of %s done in %s; once every shard is, combine them with:%n  ./lrsearch merge "
                    + "SHARD_FOLDERS... --out DIR%n", part, plan.name(), dir);
            return o.failed() > 0 ? Main.EXIT_FAILED_RUNS : 0;
        }
        Main.printOutputs(console, dir, o.files());
        return o.failed() > 0 ? Main.EXIT_FAILED_RUNS : 0;
    }
}
