package org.lrsearch.runner.cli;

import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.plan.ExperimentPlan;
import org.lrsearch.runner.plan.Planner;
import picocli.CommandLine.Parameters;

/** The experiment a command works on: a config file and command-line overrides. */
class ConfigArgs {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML file")
    Path config;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides, e.g. training.iterations=500")
    List<String> overrides = new ArrayList<>();

    /** Composes the config and validates it into a plan, data checked as {@code data} says; prints its notices. */
    ExperimentPlan plan(Injector injector, Planner.DataCheck data) {
        ExperimentPlan plan = injector.getInstance(Planner.class).plan(ComposedConfig.load(config, overrides), data);
        plan.notices().forEach(n -> System.err.println("note: " + n));
        return plan;
    }
}
