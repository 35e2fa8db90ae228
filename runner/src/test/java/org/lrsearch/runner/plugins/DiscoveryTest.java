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
