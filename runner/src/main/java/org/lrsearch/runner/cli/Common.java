package org.lrsearch.runner.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.lrsearch.runner.plugins.PluginModule;
import org.lrsearch.runner.plugins.Registry;
import picocli.CommandLine.Option;

/** Shared options: plugin folder and debug output. */
class Common {
    @Option(names = "--plugins", paramLabel = "DIR", description = "also load plugin jars from this folder")
    Path pluginDir;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    Injector injector() {
        Registry registry = Registry.discover(pluginDir);
        return Guice.createInjector(new PluginModule(registry));
    }
}
