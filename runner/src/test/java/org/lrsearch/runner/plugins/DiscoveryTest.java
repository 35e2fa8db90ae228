package org.lrsearch.runner.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lrsearch.api.Plugin;
import org.lrsearch.runner.config.UsageException;
import org.lrsearch.runner.testplugins.StepDecayPlugin;

class DiscoveryTest {
    @Test
    void findsBundledPluginsOfEveryKind() {
        Registry r = Registry.discover((Path) null);
        assertThat(r.plugins(Registry.Kind.DATASET)).containsKey("mnist");
        assertThat(r.plugins(Registry.Kind.MODEL)).containsKey("two-layer-net");
        assertThat(r.plugins(Registry.Kind.STRATEGY)).containsKeys("fixed", "h-proposal-search", "k-min-loss");
        assertThat(r.plugins(Registry.Kind.REPORTER)).containsKey("csv");
        assertThat(r.infos()).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo("two-layer-net");
            assertThat(i.source()).isNotBlank();
        });
    }

    /**
     * Every bundled option's default is declared once: a literal the runner fills in, or one of the few
     * descriptions whose meaning the record implements (and documents).
     */
    @Test
    void everyBundledOptionDefaultIsALiteralOrADocumentedDescription() {
        java.util.List<String> descriptive = java.util.List.of("csv.header", "lr-range-test.skipStart");
        java.util.List<String> undeclared = new java.util.ArrayList<>();
        for (Registry.Kind kind : Registry.Kind.values()) {
            for (Plugin<?> p : Registry.discover((Path) null).plugins(kind).values()) {
                for (var rc : p.optionsType().getRecordComponents()) {
                    var o = rc.getAnnotation(org.lrsearch.api.Option.class);
                    String key = p.id() + "." + rc.getName();
                    if (o != null && !o.defaultValue().isBlank() && org.lrsearch.api.OptionDefaults.of(rc) == null
                            && !descriptive.contains(key)) {
                        undeclared.add(key + " = '" + o.defaultValue() + "'");
                    }
                }
                // Bound from an empty section, every literal default is what the record holds.
                if (kind == Registry.Kind.REPORTER || kind == Registry.Kind.MODEL) {
                    Record bound = org.lrsearch.runner.config.OptionsBinder.bind(p.optionsType(), Map.of(), "x", k -> "t");
                    assertThat(bound).isEqualTo(org.lrsearch.api.OptionDefaults.create(p.optionsType()));
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void findsAPluginThatOnlyTheTestClassPathRegisters() {
        Registry r = Registry.discover((Path) null);
        assertThat(r.plugins(Registry.Kind.STRATEGY)).containsKey("test-step-decay");
    }

    @Test
    void rejectsTwoPluginsWithTheSameIdNamingBoth() {
        Map<String, Plugin<?>> plugins = new TreeMap<>();
        Registry.register(Registry.Kind.STRATEGY, new StepDecayPlugin(), plugins);
        assertThatThrownBy(() -> Registry.register(Registry.Kind.STRATEGY, new StepDecayPlugin(), plugins))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("two strategy plugins have the id 'test-step-decay'")
                .hasMessageContaining(StepDecayPlugin.class.getName());
    }

    @Test
    void rejectsAnIdThatIsNotKebabCase() {
        Plugin<?> bad = org.mockito.Mockito.mock(org.lrsearch.api.LrStrategyPlugin.class);
        org.mockito.Mockito.when(bad.id()).thenReturn("My_Strategy");
        assertThatThrownBy(() -> Registry.register(Registry.Kind.STRATEGY, bad, new TreeMap<>()))
                .hasMessageContaining("kebab-case");
    }
}
