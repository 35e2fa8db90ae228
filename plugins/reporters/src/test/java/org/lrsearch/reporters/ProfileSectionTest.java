package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;

/** Costs to a target from curves with passes, and the report's Performance profiles section. */
class ProfileSectionTest {
    @TempDir
    Path dir;

    /** A run whose curve reaches accuracies[i] after (i + 1)·100 iterations and (i + 1)·passesPer100 passes. */
    private static RunResult run(String strategy, int shots, long seed, RunStatus status, double passesPer100,
                                 double... accuracies) {
        List<CurvePoint> curve = new ArrayList<>();
        for (int i = 0; i < accuracies.length; i++) {
            curve.add(new CurvePoint((i + 1) * 100, accuracies[i], 0.1, Double.NaN, Double.NaN, (i + 1) * passesPer100));
        }
        RunSpec spec = new RunSpec(strategy + shots + seed, "mnist", "two-layer-net", 2, shots, "first", strategy, "fixed",
                seed, accuracies.length * 100, 100, Map.of("strategy", strategy, "dataset.shots", shots),
                List.of("strategy", "dataset.shots"));
        return new RunResult(spec, status, "", accuracies.length * 100, accuracies[accuracies.length - 1], 0.3, Map.of(),
                (long) (passesPer100 * accuracies.length / 2), (long) (passesPer100 * accuracies.length / 2), 10, 5, curve,
                List.of(), List.of(), List.of(), List.of());
    }

    private static ExperimentResults results(List<RunResult> runs) {
        ExperimentResults stub = StubResults.results("H1");
        return new ExperimentResults(stub.info(), runs);
    }

    @Test
    void aRunsCostIsItsPassesAtTheFirstPointReachingTheTarget() {
        RunResult r = run("a", 1, 0, RunStatus.OK, 200, 0.3, 0.5, 0.7);
        assertThat(ProfileSection.cost(r, 0.5)).isEqualTo(400);
        assertThat(ProfileSection.cost(r, 0.71)).isInfinite();
        assertThat(ProfileSection.cost(run("a", 1, 0, RunStatus.FAILED, 200, 0.9), 0.5)).isInfinite();
    }

    @Test
    void targetsAreAFractionOfEachSettingsBestMeanAndCostsTheMedianOverSeeds() {
        List<RunResult> runs = List.of(
                // 1-shot: fast reaches 0.6 after 100 passes on both seeds; slow only after 300 and never.
                run("fast", 1, 0, RunStatus.OK, 100, 0.6, 0.6, 0.6), run("fast", 1, 1, RunStatus.OK, 100, 0.6, 0.6, 0.6),
                run("slow", 1, 0, RunStatus.OK, 100, 0.2, 0.4, 0.6), run("slow", 1, 1, RunStatus.OK, 100, 0.2, 0.3, 0.4),
                // 2-shot: nobody reaches 0.95 × 0.8 = 0.76 but slow.
                run("fast", 2, 0, RunStatus.OK, 100, 0.5, 0.5, 0.5), run("fast", 2, 1, RunStatus.DIVERGED, 100, 0.5),
                run("slow", 2, 0, RunStatus.OK, 100, 0.4, 0.8, 0.8), run("slow", 2, 1, RunStatus.OK, 100, 0.4, 0.8, 0.8));
        ProfileSection.Profiles p = ProfileSection.of(results(runs));
        assertThat(p.settings()).hasSize(2);
        // 1-shot: best mean is fast's 0.6, target 0.57; slow's seeds cost 300 and ∞: median ∞.
        assertThat(p.settings().get(0).target()).isEqualTo(0.95 * 0.6);
        assertThat(p.settings().get(0).cost()).containsEntry("fast", 100.0).containsEntry("slow", Double.POSITIVE_INFINITY);
        assertThat(p.settings().get(1).cost()).containsEntry("fast", Double.POSITIVE_INFINITY).containsEntry("slow", 200.0);
        assertThat(p.profile().score("fast")).isEqualTo(0.5);
        assertThat(p.profile().score("slow")).isEqualTo(0.5);
    }

    @Test
    void theReportShowsProfilesScoresAndTargetsAndSummaryJsonHasThem() throws IOException {
        List<RunResult> runs = List.of(run("fast", 1, 0, RunStatus.OK, 100, 0.6, 0.6),
                run("slow", 1, 0, RunStatus.OK, 100, 0.3, 0.6), run("fast", 2, 0, RunStatus.OK, 100, 0.2, 0.7),
                run("slow", 2, 0, RunStatus.OK, 100, 0.7, 0.7));
        new HtmlReporter().report(OptionDefaults.create(HtmlOptions.class), results(runs), dir);
        HtmlCheck.assertValid(dir.resolve("report.html"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>Performance profiles</h2>").contains("data-chart=\"profiles\"")
                .contains("href=\"#profiles\"");
        new JsonReporter().report(OptionDefaults.create(JsonOptions.class, Map.of("traces", false)), results(runs), dir);
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(summary.get("targets")).hasSize(2);
        assertThat(summary.get("costToTarget")).hasSize(4);
        // Each is fastest once and twice as slow once: (1 + (4 − 2)/3) / 2.
        assertThat(summary.get("performanceProfile").get("score").get("fast").asDouble()).isEqualTo((1 + 2 / 3.0) / 2);
    }
}
