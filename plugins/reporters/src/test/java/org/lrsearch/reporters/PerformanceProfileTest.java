package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Performance profiles and their exact score against independent values (test resources, reference/). */
class PerformanceProfileTest {
    private static JsonNode reference() throws IOException {
        try (InputStream in = PerformanceProfileTest.class.getResourceAsStream("/reference/performance-profile-examples.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double number(JsonNode n) {
        return n.isTextual() && n.asText().equals("Infinity") ? Double.POSITIVE_INFINITY : n.asDouble();
    }

    private static double[] numbers(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(a.get(i));
        }
        return v;
    }

    private static void close(double expected, double actual, String what) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
        }
    }

    @Test
    void ratiosRhoAndTheExactScoreReproduceEveryExample() throws IOException {
        JsonNode cases = reference().get("cases");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            Map<String, double[]> costs = new LinkedHashMap<>();
            c.get("costs").fields().forEachRemaining(e -> costs.put(e.getKey(), numbers(e.getValue())));
            PerformanceProfile p = new PerformanceProfile(costs, c.get("rMax").asDouble());
            JsonNode e = c.get("expected");
            List<Integer> kept = new ArrayList<>();
            e.get("problemsKept").forEach(k -> kept.add(k.asInt()));
            assertThat(p.kept()).as(name).isEqualTo(kept);
            double[] taus = numbers(e.get("taus"));
            for (String s : costs.keySet()) {
                double[] want = numbers(e.get("ratios").get(s));
                double[] got = p.ratios(s);
                assertThat(got).as(name + " " + s).hasSameSizeAs(want);
                for (int i = 0; i < want.length; i++) {
                    close(want[i], got[i], name + " ratio " + s + "[" + i + "]");
                }
                double[] rho = numbers(e.get("rho").get(s));
                for (int i = 0; i < taus.length; i++) {
                    close(rho[i], p.rho(s, taus[i]), name + " rho " + s + "(" + taus[i] + ")");
                }
                close(e.get("score").get(s).asDouble(), p.score(s), name + " score " + s);
            }
        }
    }

    @Test
    void theMedianOverSeedsCountsAMissAsTheLargestCost() throws IOException {
        for (JsonNode m : reference().get("medianOverSeeds")) {
            close(number(m.get("median")), PerformanceProfile.median(numbers(m.get("costs"))), m.toString());
        }
    }

    @Test
    void aProblemEveryStrategyMissedIsDroppedAndTheStepsAreWhereRatiosLie() {
        PerformanceProfile p = new PerformanceProfile(Map.of("A", new double[] {10, Double.POSITIVE_INFINITY, 30},
                "B", new double[] {20, Double.POSITIVE_INFINITY, 15}), 4);
        assertThat(p.kept()).containsExactly(0, 2);
        assertThat(p.dropped()).containsExactly(1);
        assertThat(p.taus()).containsExactly(1.0, 2.0, 4.0);
        assertThat(p.score("A")).isEqualTo((1.0 + (4 - 2) / 3.0) / 2);
    }
}
