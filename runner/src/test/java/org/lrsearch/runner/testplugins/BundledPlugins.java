package org.lrsearch.runner.testplugins;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.lrsearch.runner.plan.Planner;
import org.lrsearch.runner.plugins.PluginModule;
import org.lrsearch.runner.plugins.Registry;

/** The plugins on the test classpath (the bundled ones and these test plugins), wired as the CLI wires them. */
public final class BundledPlugins {
    private static Injector injector;

    private BundledPlugins() {
    }

    public static synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(new PluginModule(Registry.discover((Path) null)));
        }
        return injector;
    }

    public static Registry registry() {
        return injector().getInstance(Registry.class);
    }

    public static Planner planner() {
        return injector().getInstance(Planner.class);
    }
}
