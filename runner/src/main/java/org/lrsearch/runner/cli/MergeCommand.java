package org.lrsearch.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lrsearch.runner.execute.Shard;
import org.lrsearch.runner.report.Reports;
import org.lrsearch.runner.store.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the folders of 'lrsearch run --shard I/N' into one results folder and render its reports.")
final class MergeCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the shards' --out folders")
    List<Path> shards;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "a new or empty folder for the merged results")
    Path out;

    @Option(names = "--partial", description = "merge even when some runs of the plan are in no folder")
    boolean partial;

    @Override
    public Integer call() {
        ShardMerge.Merged m = ShardMerge.merge(shards, out, partial, Shard.META, List.of(Reports.META_INFO, Reports.META_REPORTERS));
        System.out.printf("merged %s from %d folders into %s%s.%n", ValidateCommand.count(m.runs(), "run"), shards.size(), out,
                m.missing() == 0 ? "" : "; " + ValidateCommand.count(m.missing(), "run") + " of the plan missing");
        List<Path> files = common.injector().getInstance(Reports.class).render(out);
        Main.printOutputs(System.out, out, files);
        return 0;
    }
}
