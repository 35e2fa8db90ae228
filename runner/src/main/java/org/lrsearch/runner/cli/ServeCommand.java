package org.lrsearch.runner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.serve.LiveServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a results folder as a web page that follows the study as its runs commit: progress, the "
                + "report's tables, curves, LR traces and statistics, downloads. Read-only; runs until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @CommandLine.Mixin
    ServeOptions serve = new ServeOptions();

    @Parameters(index = "0", paramLabel = "DIR", description = "a results folder (the --out of lrsearch run)")
    Path dir;

    @Override
    public Integer call() throws InterruptedException {
        LiveServer server = serve.start(dir, false, common.injector().getInstance(Reports.class), System.out);
        server.await();
        return 0;
    }
}
