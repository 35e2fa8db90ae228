package org.lrsearch.runner.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lrsearch.api.Plugin;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin: kind, id, version, description and options with defaults.")
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Override
    public Integer call() {
        Registry registry = common.injector().getInstance(Registry.class);
        for (Registry.Kind kind : Registry.Kind.values()) {
            System.out.println(kind.label() + " plugins:");
            for (Map.Entry<String, Plugin<?>> e : registry.plugins(kind).entrySet()) {
                Plugin<?> p = e.getValue();
                System.out.printf("  %-20s %s (version %s, %s)%n", p.id(), p.description(), p.version(),
                        Registry.source(p));
                for (String[] o : OptionsBinder.describeOptions(p.optionsType())) {
                    System.out.printf("      %-16s %s%s%n", o[0], o[2], o[1].isEmpty() ? "" : " [default: " + o[1] + "]");
                }
            }
        }
        return 0;
    }
}
