package org.lrsearch.runner.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.LrStrategyPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.OptimizerPlugin;
import org.lrsearch.api.ReporterPlugin;

/**
 * Binds the discovered plugins into one {@code Map<String, Kind>} per kind, keyed by id. Discovery
 * happened before the injector was built; this module only binds what it was handed.
 */
public final class PluginModule extends AbstractModule {
    private final Registry registry;

    public PluginModule(Registry registry) {
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(Registry.class).toInstance(registry);
        MapBinder<String, DatasetPlugin<?>> datasets = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<DatasetPlugin<?>>() { });
        registry.plugins(Registry.Kind.DATASET).forEach((id, p) -> datasets.addBinding(id).toInstance((DatasetPlugin<?>) p));
        MapBinder<String, ModelPlugin<?>> models = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<ModelPlugin<?>>() { });
        registry.plugins(Registry.Kind.MODEL).forEach((id, p) -> models.addBinding(id).toInstance((ModelPlugin<?>) p));
        MapBinder<String, LrStrategyPlugin<?>> strategies = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<LrStrategyPlugin<?>>() { });
        registry.plugins(Registry.Kind.STRATEGY).forEach((id, p) -> strategies.addBinding(id).toInstance((LrStrategyPlugin<?>) p));
        MapBinder<String, OptimizerPlugin<?>> optimizers = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<OptimizerPlugin<?>>() { });
        registry.plugins(Registry.Kind.OPTIMIZER).forEach((id, p) -> optimizers.addBinding(id).toInstance((OptimizerPlugin<?>) p));
        MapBinder<String, ReporterPlugin<?>> reporters = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<ReporterPlugin<?>>() { });
        registry.plugins(Registry.Kind.REPORTER).forEach((id, p) -> reporters.addBinding(id).toInstance((ReporterPlugin<?>) p));
    }
}
