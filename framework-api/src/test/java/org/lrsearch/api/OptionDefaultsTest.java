package org.lrsearch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionDefaultsTest {
    record Sample(
            @Option(description = "a rate", defaultValue = "0.1") Double lr,
            @Option(description = "a bound", defaultValue = ".inf") Double maxLr,
            @Option(description = "steps", defaultValue = "100") Integer steps,
            @Option(description = "a seed", defaultValue = "7") Long seed,
            @Option(description = "a flag", defaultValue = "true") Boolean flag,
            @Option(description = "a word", defaultValue = "grow") String mode,
            @Option(description = "fractions", defaultValue = "[0.5, 1.0]") List<Double> fractions,
            @Option(description = "a nested spec", defaultValue = "{plugin: k-min-loss}") Map<String, Object> then,
            @Option(description = "detected when absent", defaultValue = "detected") Boolean header,
            @Option(description = "anything", defaultValue = "iterations") Object every,
            @Option(description = "required") String dir,
            @Option(description = "layers", defaultValue = "[{filters: 6, kernel: 5}, {filters: 16, kernel: 5}]")
            List<Map<String, Integer>> layers) {
        Sample {
            if (steps != null && steps < 1) {
                throw new InvalidOptionException("steps", steps, "must be at least 1");
            }
        }
    }

    @Test
    void everyLiteralDefaultIsReadAsAValueOfItsOptionsType() {
        Sample s = OptionDefaults.create(Sample.class);
        assertThat(s.lr()).isEqualTo(0.1);
        assertThat(s.maxLr()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.steps()).isEqualTo(100);
        assertThat(s.seed()).isEqualTo(7L);
        assertThat(s.flag()).isTrue();
        assertThat(s.mode()).isEqualTo("grow");
        assertThat(s.fractions()).containsExactly(0.5, 1.0);
        assertThat(s.then()).containsExactly(Map.entry("plugin", "k-min-loss"));
        assertThat(s.every()).isEqualTo("iterations");
        assertThat(s.layers()).containsExactly(Map.of("filters", 6, "kernel", 5), Map.of("filters", 16, "kernel", 5));
    }

    @Test
    void aDescriptionOrNoDefaultFillsNothing() {
        Sample s = OptionDefaults.create(Sample.class);
        assertThat(s.header()).isNull();
        assertThat(s.dir()).isNull();
    }

    @Test
    void givenValuesWinAndTheRecordStillValidates() {
        assertThat(OptionDefaults.create(Sample.class, Map.of("lr", 0.5, "dir", "x")).lr()).isEqualTo(0.5);
        assertThatThrownBy(() -> OptionDefaults.create(Sample.class, Map.of("steps", 0)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> OptionDefaults.create(Sample.class, Map.of("rate", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no option 'rate'");
    }
}
