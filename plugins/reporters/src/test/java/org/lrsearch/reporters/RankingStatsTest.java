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
    void everyWilcoxonCaseMatchesSciPyIncludingZerosTiesAndTheNormalBranch() throws IOException {
        JsonNode cases = examples().get("wilcoxonCases").get("cases");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(4);
        boolean normal = false;
        for (JsonNode c : cases) {
            SignedRank r = SignedRank.ofDifferences(doubles(c.get("differences")));
            String name = c.get("name").asText();
            assertThat(r.pairs()).as(name).isEqualTo(c.get("nonZero").asInt());
            assertThat(r.statistic()).as(name).isEqualTo(c.get("statistic").asDouble());
            assertThat(r.p()).as(name).isCloseTo(c.get("pTwoSided").asDouble(), within(1e-9));
            boolean exact = c.get("method").asText().equals("exact");
            assertThat(r.pairs() <= SignedRank.EXACT_MAX_PAIRS).as(name).isEqualTo(exact);
            normal |= !exact;
        }
        assertThat(normal).as("a case of the normal branch").isTrue();
        JsonNode w = examples().get("wilcoxonExact");
        SignedRank r = SignedRank.test(doubles(w.get("method")), doubles(w.get("baseline")));
        assertThat(r.statistic()).isEqualTo(w.get("statistic").asDouble());
        assertThat(r.p()).isCloseTo(w.get("pTwoSided").asDouble(), within(1e-9));
    }

    @Test
    void holmMatchesSciPy() throws IOException {
        JsonNode h = examples().get("holm");
        assertThat(RankingStats.holm(doubles(h.get("raw")))).containsExactly(doubles(h.get("adjusted")), within(1e-15));
    }

    @Test
    void zeroDifferencesAreDroppedAndTiesGetHalfRanks() {
        // Differences 0, 1, −1, 2, 2: the zero is dropped; |d| ranks 1.5, 1.5, 3.5, 3.5; W+ = 1.5 + 3.5 + 3.5 = 8.5,
        // W− = 1.5, statistic 1.5. Of the 16 sign patterns, 3 give W+ ≤ 1.5 (sums 0, 1.5, 1.5): p = 2 · 3/16.
        SignedRank r = SignedRank.test(new double[] {5, 6, 4, 7, 7}, new double[] {5, 5, 5, 5, 5});
        assertThat(r.pairs()).isEqualTo(4);
        assertThat(r.statistic()).isEqualTo(1.5);
        assertThat(r.p()).isEqualTo(0.375);
        assertThat(SignedRank.test(new double[] {1, 2}, new double[] {1, 2}).p()).isNaN();
        // Ties within a block share their ranks: 0.9, 0.9, 0.5 → 1.5, 1.5, 3.
        assertThat(RankingStats.ranks(new double[] {0.9, 0.9, 0.5}, true)).containsExactly(1.5, 1.5, 3.0);
        assertThat(RankingStats.holm(new double[] {0.01, Double.NaN, 0.02})).containsExactly(0.02, Double.NaN, 0.02);
    }

    @Test
    void theSmallestExactPValueIsTwoOverTwoToTheN() {
        // Six pairs all of one sign: 2 / 64 = 0.03125, the floor the exact test cannot go below.
        assertThat(SignedRank.test(new double[] {1, 2, 3, 4, 5, 6}, new double[6]).p()).isEqualTo(0.03125);
        assertThat(SignedRank.smallestP(6)).isEqualTo(0.03125);
        assertThat(SignedRank.smallestP(5)).isEqualTo(0.0625);
    }

    @Test
    void friedmanOfBlocksThatTieEveryStrategyIsNotComputableThroughout() {
        RankingStats.Friedman f = RankingStats.friedman(new double[][] {{0.5, 0.5, 0.5}, {0.7, 0.7, 0.7}});
        assertThat(new double[] {f.statistic(), f.p(), f.imanDavenportF(), f.imanDavenportP()}).containsOnly(Double.NaN);
        assertThat(ReportModel.friedmanText(f)).contains("not computable").doesNotContain("NaN");
    }

    @Test
    void blocksThatAllRankAlikeSayItInWordsNotInfinity() {
        // Three blocks, the same order in each: χ² = n(k−1) = 6, F = (n−1)χ² / (n(k−1) − χ²) = 12/0.
        RankingStats.Friedman f = RankingStats.friedman(new double[][] {{0.9, 0.8, 0.7}, {0.6, 0.5, 0.4}, {0.3, 0.2, 0.1}});
        assertThat(f.statistic()).isCloseTo(6.0, within(1e-12));
        assertThat(f.imanDavenportF()).isInfinite();
        assertThat(ReportModel.friedmanText(f)).contains("every block ranks the strategies in the same order")
                .doesNotContain("Infinity");
    }
}
