package org.lrsearch.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage datasets.",
        subcommands = {FetchCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
