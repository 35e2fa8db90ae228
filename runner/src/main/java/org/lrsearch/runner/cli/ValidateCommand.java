package org.lrsearch.runner.cli;

import java.util.concurrent.Callable;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment config (and its data) without running it.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @CommandLine.Mixin
    ConfigArgs experiment = new ConfigArgs();

    @Option(names = "--fetch", description = "acquire missing data too (by default validate only reports it)")
    boolean fetch;

    @Override
    public Integer call() {
        ExperimentPlan plan = experiment.plan(common.injector(), fetch ? Planner.DataCheck.FETCH : Planner.DataCheck.LOCAL);
        System.out.printf("%s: ok, %s (%s, %s), reporters: %s%n", experiment.config,
                count(plan.runs().size(), "run"), count(plan.runStrategies().size(), "strategy"),
                count(plan.seeds().size(), "seed"),
                String.join(", ", plan.reporters().stream().map(r -> r.id()).toList()));
        return 0;
    }

    static String count(int n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
