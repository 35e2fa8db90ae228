package org.lrsearch.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.store.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the reports of a results folder again, from its results.db, without training.")
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dir.resolve(ResultsStore.FILE))) {
            throw new UsageException(dir + ": no " + ResultsStore.FILE + " here; give the --out folder of a run");
        }
        Main.printWritten(System.out, dir, common.injector().getInstance(Reports.class).render(dir));
        return 0;
    }
}
