package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.OptionDefaults;

/** Strategies ranked over blocks in summary.json and the report. */
class RankingTest {
    @TempDir
    Path dir;

    @Test
    void blocksAreEverySettingAndSeedAndEveryStrategyIsRankedOverTheSameOnes() {
        // The stub: 2 strategies × batch 2, 4 × shots 1, 2 × seeds 0, 1 = 8 blocks.
        Ranking r = Ranking.of(StubResults.results("H1"), java.util.List.of("0.1", "H1"), null);
        assertThat(r.friedman().blocks()).isEqualTo(8);
        assertThat(r.baseline()).isEqualTo("0.1");
        // Per block (0.1, H1): H1 wins 5 of the 8 blocks (differences above), so 0.1's ranks are 2,2,1,1,2,2,2,1.
        assertThat(r.meanRanks()).containsExactly(13 / 8.0, 11 / 8.0);
        assertThat(Ranking.of(StubResults.results("H1"), java.util.List.of("0.1"), null)).isNull();
    }

    @Test
    void summaryJsonCarriesCellsRankingFriedmanPairwiseAndCompute() throws IOException {
        new JsonReporter().report(OptionDefaults.create(JsonOptions.class,
                Map.of("traces", false)), StubResults.results("H1"), dir);
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(s.get("cells")).hasSize(8);
        assertThat(s.get("cells").get(0).get("coordinates").get("strategy").asText()).isEqualTo("0.1");
        assertThat(s.get("cells").get(0).get("n").asInt()).isEqualTo(2);
        assertThat(s.get("ranking")).hasSize(2);
        // The same file every time it is rendered: keys in a fixed order, whatever the JVM's hash seed.
        assertThat(s.get("ranking").get(0).fieldNames()).toIterable().containsExactly("strategy", "meanRank");
        assertThat(s.get("friedman").get("blocks").asInt()).isEqualTo(8);
        assertThat(s.get("friedman").has("imanDavenportP")).isTrue();
        assertThat(s.get("pairwise").get(0).get("baseline").asText()).isEqualTo("0.1");
        assertThat(s.get("pairwise").get(0).get("wilcoxonP").asDouble()).isEqualTo(0.3828125);
        assertThat(s.get("pairwise").get(0)).isEqualTo(s.get("pairedStatistics").get(0));
        assertThat(s.get("compute")).hasSize(8);
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), StubResults.results("H1"), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = java.nio.file.Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("id=\"ranking\"").contains("Friedman test").contains("Holm-adjusted");
    }

    /** The stub with a third strategy, H2, whose every run repeats H1's result. */
    static org.lrsearch.api.ExperimentResults withACopyOfH1() {
        org.lrsearch.api.ExperimentResults base = StubResults.results("H1");
        java.util.List<org.lrsearch.api.RunResult> runs = new java.util.ArrayList<>(base.runs());
        for (org.lrsearch.api.RunResult r : base.runs()) {
            if (!r.spec().strategy().equals("H1")) {
                continue;
            }
            org.lrsearch.api.RunSpec s = r.spec();
            java.util.Map<String, Object> c = new java.util.LinkedHashMap<>(s.coordinates());
            c.put("strategy", "H2");
            org.lrsearch.api.RunSpec spec = new org.lrsearch.api.RunSpec(s.runId() + "c", s.dataset(), s.model(),
                    s.batchSize(), s.shots(), s.selection(), "H2", s.strategyPlugin(), s.seed(), s.iterations(),
                    s.evalEvery(), c, s.swept());
            runs.add(new org.lrsearch.api.RunResult(spec, r.status(), r.message(), r.stoppedAt(), r.testAccuracy(),
                    r.finalTrainLoss(), r.results(), r.forwardPasses(), r.backwardPasses(), r.wallMs(), r.evalMs(),
                    r.curve(), r.events(), r.lrSegments(), r.scalars(), r.warnings()));
        }
        return new org.lrsearch.api.ExperimentResults(base.info(), runs);
    }

    @Test
    void strategiesWithTheSameResultInEveryBlockAreFlaggedAsOne() throws IOException {
        Ranking r = Ranking.of(withACopyOfH1(), java.util.List.of("0.1", "H1", "H2"), null);
        assertThat(r.identical()).containsExactly(java.util.List.of("H1", "H2"));
        assertThat(Ranking.of(StubResults.results("H1"), java.util.List.of("0.1", "H1"), null).identical()).isEmpty();
        new JsonReporter().report(OptionDefaults.create(JsonOptions.class,
                Map.of("traces", false)), withACopyOfH1(), dir);
        JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(s.get("identicalStrategies").get(0).toString()).isEqualTo("[\"H1\",\"H2\"]");
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), withACopyOfH1(), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = java.nio.file.Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Identical results in every block: <strong>H1 = H2</strong>");
    }
}
