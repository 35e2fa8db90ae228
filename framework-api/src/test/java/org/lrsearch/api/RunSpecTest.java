package org.lrsearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runs of one cell share their coordinates, held once however many seeds read them back. */
class RunSpecTest {
    private static Map<String, Object> coordinates(int shots, boolean reversed) {
        Map<String, Object> c = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of("strategy", "dataset.shots", "dataset.mirrors"));
        if (reversed) {
            java.util.Collections.reverse(keys);
        }
        for (String k : keys) {
            c.put(k, switch (k) {
                case "strategy" -> new String("H1");
                case "dataset.shots" -> shots;
                default -> new ArrayList<>(List.of("https://a/", "https://b/"));
            });
        }
        return c;
    }

    private static RunSpec spec(long seed, Map<String, Object> coordinates) {
        return new RunSpec("r" + seed, "mnist", "two-layer-net", 2, 1, "first", "H1", "h-proposal-search", seed, 10, 10,
                coordinates, new ArrayList<>(List.of("strategy", "dataset.shots")));
    }

    @Test
    void seedsOfOneCellShareOneCoordinatesMapAndSweptList() {
        RunSpec a = spec(0, coordinates(1, false));
        RunSpec b = spec(1, coordinates(1, false));
        assertThat(b.coordinates()).isSameAs(a.coordinates());
        assertThat(b.swept()).isSameAs(a.swept());
        assertThat(spec(2, coordinates(2, false)).coordinates()).isNotSameAs(a.coordinates()).isNotEqualTo(a.coordinates());
    }

    @Test
    void equalCoordinatesInAnotherOrderKeepTheirOwnOrder() {
        RunSpec a = spec(0, coordinates(1, false));
        RunSpec b = spec(1, coordinates(1, true));
        assertThat(b.coordinates()).isEqualTo(a.coordinates());
        assertThat(b.coordinates().keySet()).containsExactly("dataset.mirrors", "dataset.shots", "strategy");
    }

    @Test
    void coordinateValuesCannotBeChangedThroughTheSpec() {
        RunSpec a = spec(0, coordinates(3, false));
        @SuppressWarnings("unchecked")
        List<String> mirrors = (List<String>) a.coordinate("dataset.mirrors");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mirrors.add("https://c/"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
