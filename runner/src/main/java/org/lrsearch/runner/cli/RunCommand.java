package org.lrsearch.runner.cli;

import com.google.inject.Injector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.execute.ExperimentRunner;
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
        Injector injector = common.injector();
        ExperimentPlan plan = experiment.plan(injector, Planner.DataCheck.FETCH);
        Path dir = out != null ? out : Path.of("results", plan.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        OutputFolder.prepare(dir, resume, force, plan);
        LogFiles.attach(dir.resolve("run.log"));
        ExperimentRunner.Outcome o = injector.getInstance(ExperimentRunner.class).run(plan, dir, n, System.err);
        PrintStream console = System.out;
        if (o.cancelled()) {
            return Main.EXIT_INTERRUPTED;
        }
        console.printf("%s (%d resumed from before), %d failed, %d diverged.%n", ValidateCommand.count(o.total(), "run"),
                o.skipped(), o.failed(), o.diverged());
        Main.printWritten(console, dir, o.files().stream().filter(f -> !f.getFileName().toString().equals("report.html")).toList());
        o.files().stream().filter(f -> f.getFileName().toString().equals("report.html")).findFirst()
                .ifPresent(f -> console.println("report: " + f.toAbsolutePath()));
        return o.failed() > 0 ? Main.EXIT_FAILED_RUNS : 0;
    }
}
