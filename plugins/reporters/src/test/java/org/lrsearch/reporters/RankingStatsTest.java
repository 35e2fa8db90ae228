package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The ranking statistics against independent values computed with SciPy (statistics-examples.json), and one case of our own. */
class RankingStatsTest {
    static JsonNode examples() throws IOException {
        try (InputStream in = RankingStatsTest.class.getResourceAsStream("/statistics-examples.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = n.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = doubles(n.get(i));
        }
        return m;
    }

    @Test
    void friedmanRanksAndCriticalDifferenceMatchSciPy() throws IOException {
        JsonNode f = examples().get("friedman");
        double[][] acc = matrix(f.get("accuracy"));
        assertThat(RankingStats.averageRanks(acc)).containsExactly(doubles(f.get("averageRanks")), within(1e-12));
        RankingStats.Friedman r = RankingStats.friedman(acc);
        assertThat(r.statistic()).isCloseTo(f.get("chiSquareTieCorrected").asDouble(), within(1e-10));
        assertThat(r.p()).isCloseTo(f.get("pTieCorrected").asDouble(), within(1e-10));
        assertThat(r.imanDavenportF()).isCloseTo(f.get("imanDavenportFFromTieCorrected").asDouble(), within(1e-10));
        assertThat(r.imanDavenportP()).isCloseTo(f.get("imanDavenportPFromTieCorrected").asDouble(), within(1e-9));
        JsonNode bd = f.get("bonferroniDunn");
        assertThat(RankingStats.criticalDifference(acc[0].length, acc.length, bd.get("alpha").asDouble()))
                .isCloseTo(bd.get("criticalDifference").asDouble(), within(1e-10));
    }

    @Test
    void exactWilcoxonAndHolmMatchSciPy() throws IOException {
        JsonNode w = examples().get("wilcoxonExact");
        RankingStats.Wilcoxon r = RankingStats.wilcoxon(doubles(w.get("method")), doubles(w.get("baseline")));
        assertThat(r.statistic()).isEqualTo(w.get("statistic").asDouble());
        assertThat(r.p()).isCloseTo(w.get("pTwoSided").asDouble(), within(1e-15));
        JsonNode h = examples().get("holm");
        assertThat(RankingStats.holm(doubles(h.get("raw")))).containsExactly(doubles(h.get("adjusted")), within(1e-15));
    }

    @Test
    void zeroDifferencesAreDroppedTiesGetHalfRanksAndAllZeroIsIdentical() {
        // Differences 0, 1, −1, 2, 2: the zero is dropped; |d| ranks 1.5, 1.5, 3.5, 3.5; W+ = 1.5 + 3.5 + 3.5 = 8.5,
        // W− = 1.5, statistic 1.5. Of the 16 sign patterns, 3 give W+ ≤ 1.5 (sums 0, 1.5, 1.5): p = 2 · 3/16.
        RankingStats.Wilcoxon r = RankingStats.wilcoxon(new double[] {5, 6, 4, 7, 7}, new double[] {5, 5, 5, 5, 5});
        assertThat(r.pairs()).isEqualTo(4);
        assertThat(r.statistic()).isEqualTo(1.5);
        assertThat(r.p()).isEqualTo(0.375);
        assertThat(RankingStats.wilcoxon(new double[] {1, 2}, new double[] {1, 2}).p()).isNaN();
        // Ties within a block share their ranks: 0.9, 0.9, 0.5 → 1.5, 1.5, 3.
        assertThat(RankingStats.ranks(new double[] {0.9, 0.9, 0.5}, true)).containsExactly(1.5, 1.5, 3.0);
        assertThat(RankingStats.holm(new double[] {0.01, Double.NaN, 0.02})).containsExactly(0.02, Double.NaN, 0.02);
    }
}
