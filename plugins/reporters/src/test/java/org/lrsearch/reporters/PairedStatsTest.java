package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairedStatsTest {
    @Test
    void pairsMethodAndBaselineOverMatchingCellsAndSeedsAsSciPyComputesThem() {
        // The stub's eight pairs, H1 − 0.1: 0.0002, 0.007, −0.0048, −0.0025, 0.0074, 0.0042, 0.0085, −0.0053.
        // SciPy 1.17.1: wilcoxon(m, b, zero_method="wilcox", method="exact") → W = 11, p = 0.3828125;
        // ttest_rel(m, b).pvalue = 0.3888459648386175; mean ± t(0.975, 7) · sd / √8 = [−0.0028923686, 0.0065673686].
        PairedStats p = PairedStats.compare(StubResults.results("H1"), "H1", "0.1");
        assertThat(p.pairs()).isEqualTo(8);
        assertThat(p.nonZero()).isEqualTo(8);
        assertThat(p.meanDiff()).isCloseTo(0.0018375, within(1e-12));
        assertThat(p.ciLow()).isCloseTo(-0.0028923686485739213, within(1e-12));
        assertThat(p.ciHigh()).isCloseTo(0.006567368648573961, within(1e-12));
        assertThat(p.wilcoxonP()).isCloseTo(0.3828125, within(1e-12));
        assertThat(p.tTestP()).isCloseTo(0.3888459648386175, within(1e-9));
    }

    @Test
    void identicalAccuraciesSayIdenticalInsteadOfATest() {
        PairedStats p = PairedStats.compare(StubResults.results("H1"), "0.1", "0.1");
        assertThat(p.meanDiff()).isEqualTo(0.0);
        assertThat(p.verdict()).contains("exactly the same accuracy in all 8 pairs");
        assertThat(p.wilcoxonP()).isNaN();
    }

    static PairedStats stats(double mean, int nonZero, double raw, double holm, int family) {
        return new PairedStats("H1", "0.1", 10, nonZero, mean, mean - 0.01, mean + 0.01, raw, holm, family, 0.2);
    }

    @Test
    void theVerdictIsTheHolmAdjustedWilcoxonTestsAndNamesTheCorrection() {
        // Raw p = 0.031 is below 5% but its Holm adjustment over 3 comparisons (0.093) is not: not significant.
        assertThat(stats(0.02, 10, 0.031, 0.093, 3).verdict())
                .startsWith("No significant difference at the 5% level between H1 and 0.1")
                .contains("Holm-adjusted over the 3 comparisons of this report: p = 0.0930");
        assertThat(stats(0.02, 10, 0.002, 0.006, 3).verdict())
                .startsWith("H1 is significantly higher than 0.1 at the 5% level (Wilcoxon signed-rank, Holm-adjusted");
        assertThat(stats(-0.02, 10, 0.002, 0.002, 1).verdict()).contains("significantly lower")
                .contains("the only comparison");
    }

    @Test
    void tooFewPairsToReachSignificanceSaySoInsteadOfNotSignificant() {
        // Five non-zero pairs: the exact test's smallest two-sided p is 2/32 = 0.0625.
        assertThat(stats(0.02, 5, 0.0625, 0.0625, 1).verdict())
                .startsWith("Cannot be judged: with 5 non-zero differences the smallest p-value the exact test can give is 0.0625");
    }

    @Test
    void meanDifferenceIsMethodMinusBaselineAndReversedReadsTheOtherWay() {
        var r = StubResults.results("H1");
        PairedStats p = PairedStats.compare(r, "H1", "0.1");
        PairedStats q = p.reversed();
        assertThat(q.method()).isEqualTo("0.1");
        assertThat(q.meanDiff()).isEqualTo(-p.meanDiff());
        assertThat(q.ciLow()).isEqualTo(-p.ciHigh());
        assertThat(q.wilcoxonP()).isEqualTo(p.wilcoxonP());
    }

    @Test
    void searchersAreComparedWithEachOtherOnceAsWellAsWithEveryBaseline() {
        // H1 and H2 are searchers (their runs fix δ); 0.1 is not.
        var pairs = Comparisons.of(RankingTest.withACopyOfH1(), List.of("0.1", "H1", "H2"), null).searchers();
        assertThat(pairs).extracting(p -> p.method() + " vs " + p.baseline())
                .containsExactly("H1 vs 0.1", "H1 vs H2", "H2 vs 0.1");
        assertThat(pairs.get(1).verdict()).isEqualTo("H1 and H2 reach exactly the same accuracy in all 8 pairs.");
    }

    @Test
    void aPairHasOneVerdictInEverySectionHolmAdjustedOverTheWholeReport() {
        Comparisons c = Comparisons.of(RankingTest.withACopyOfH1(), List.of("0.1", "H1", "H2"), "0.1");
        // Family: H1 vs 0.1, H1 vs H2 (identical: no test), H2 vs 0.1 → two tests, both with raw p 0.3828125.
        assertThat(c.size()).isEqualTo(2);
        PairedStats inStats = c.searchers().get(0), inRanking = c.ranking().get(0);
        assertThat(inRanking.method() + " vs " + inRanking.baseline()).isEqualTo("H1 vs 0.1");
        assertThat(inRanking).isEqualTo(inStats);
        assertThat(inStats.holmP()).isCloseTo(2 * 0.3828125, within(1e-12));
    }

    @Test
    void baselineAllComparesEveryPairOnce() {
        Comparisons c = Comparisons.of(RankingTest.withACopyOfH1(), List.of("0.1", "H1", "H2"), "all");
        assertThat(c.baseline()).isEqualTo("all");
        assertThat(c.ranking()).extracting(p -> p.method() + " vs " + p.baseline())
                .containsExactly("H1 vs 0.1", "H2 vs 0.1", "H2 vs H1");
    }

    @Test
    void aMeanDifferenceThatRoundsToZeroHasNoSign() {
        assertThat(stats(-0.00001, 10, 0.5, 0.5, 1).verdict()).contains("mean difference 0.0000 over");
    }
}
