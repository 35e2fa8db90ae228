package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedStatsTest {
    @Test
    void pairsMethodAndBaselineOverMatchingCellsAndSeeds() {
        PairedStats p = PairedStats.compare(StubResults.results("H1"), "H1", "0.1");
        assertThat(p.pairs()).isEqualTo(8);
        assertThat(p.ciLow()).isLessThanOrEqualTo(p.meanDiff());
        assertThat(p.ciHigh()).isGreaterThanOrEqualTo(p.meanDiff());
        assertThat(p.wilcoxonP()).isBetween(0.0, 1.0);
        assertThat(p.tTestP()).isBetween(0.0, 1.0);
    }

    @Test
    void identicalAccuraciesSayIdenticalInsteadOfATest() {
        PairedStats p = PairedStats.compare(StubResults.results("H1"), "0.1", "0.1");
        assertThat(p.meanDiff()).isEqualTo(0.0);
        assertThat(p.verdict()).contains("exactly the same accuracy in all 8 pairs");
        assertThat(p.wilcoxonP()).isNaN();
    }

    @Test
    void verdictNamesTheDirectionWhenBothTestsAgree() {
        assertThat(PairedStats.verdict("H1", "0.1", 10, 0.02, 0.01, 0.02, false)).contains("significantly higher");
        assertThat(PairedStats.verdict("H1", "0.1", 10, -0.001, 0.6, 0.5, false)).startsWith("No significant difference");
    }

    @Test
    void aMissingPValueIsNotComputableNeverNotSignificant() {
        assertThat(PairedStats.verdict("H1", "0.1", 10, 0.02, Double.NaN, Double.NaN, false))
                .startsWith("Not computable").doesNotContain("No significant");
        // Every difference equal: the t-test has no spread, the Wilcoxon test alone decides and says so.
        assertThat(PairedStats.verdict("H1", "0.1", 10, 0.02, 0.002, Double.NaN, false))
                .startsWith("Significant at the 5% level (Wilcoxon alone; the paired t-test is not computable");
        assertThat(ReportModel.pValue(Double.NaN)).isEqualTo("not computable");
    }

    @Test
    void meanDifferenceIsMethodMinusBaseline() {
        var r = StubResults.results("H1");
        double m = r.runs().stream().filter(x -> x.spec().strategy().equals("H1")).mapToDouble(x -> x.testAccuracy()).average().orElseThrow();
        double b = r.runs().stream().filter(x -> x.spec().strategy().equals("0.1")).mapToDouble(x -> x.testAccuracy()).average().orElseThrow();
        assertThat(PairedStats.compare(r, "H1", "0.1").meanDiff()).isCloseTo(m - b, within(1e-12));
    }

    @Test
    void searchersAreComparedWithEachOtherOnceAsWellAsWithEveryBaseline() {
        // H1 and H2 are searchers (their runs fix δ); 0.1 is not.
        var pairs = PairedStats.all(RankingTest.withACopyOfH1(), java.util.List.of("0.1", "H1", "H2"));
        assertThat(pairs).extracting(p -> p.method() + " vs " + p.baseline())
                .containsExactly("H1 vs 0.1", "H1 vs H2", "H2 vs 0.1");
        assertThat(pairs.get(1).verdict()).isEqualTo("H1 and H2 reach exactly the same accuracy in all 8 pairs.");
    }

    @Test
    void aMeanDifferenceThatRoundsToZeroHasNoSign() {
        assertThat(PairedStats.verdict("H1", "0.1", 10, -0.00001, 0.5, 0.5, false)).contains("(mean difference 0.0000 over");
    }
}
