package org.lrsearch.runner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.TraceEvent;

/** A results.db of the first layout (δ in a column, search rounds in a table) reads as today's, reports and all. */
class StoreMigrationTest {
    @TempDir
    Path dir;

    /** The runs table as lrsearch's first layout created it. */
    private static void createFirstLayoutRuns(Statement s) throws java.sql.SQLException {
        s.execute("CREATE TABLE runs (run_id TEXT PRIMARY KEY, ord INTEGER NOT NULL, spec TEXT NOT NULL, status TEXT NOT NULL,"
                + " message TEXT NOT NULL, stopped_at INTEGER NOT NULL, test_accuracy REAL, final_train_loss REAL, delta REAL,"
                + " forward_passes INTEGER NOT NULL, backward_passes INTEGER NOT NULL, wall_ms INTEGER NOT NULL,"
                + " eval_ms INTEGER NOT NULL, warnings TEXT NOT NULL)");
    }

    @Test
    void aFirstLayoutStoreIsMigratedWhenOpened() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ResultsStore.FILE));
             Statement s = c.createStatement()) {
            createFirstLayoutRuns(s);
            s.execute("CREATE TABLE rounds (run_id TEXT NOT NULL, seq INTEGER NOT NULL, iteration INTEGER NOT NULL,"
                    + " decision TEXT NOT NULL, proposals TEXT NOT NULL, g TEXT NOT NULL, delta REAL, PRIMARY KEY (run_id, seq))");
            // The spec as the first layout wrote it: with `hidden`, without coordinates.
            s.execute("INSERT INTO runs VALUES ('abc', 0, '{\"runId\":\"abc\",\"dataset\":\"mnist\",\"model\":\"two-layer-net\","
                    + "\"hidden\":20,\"batchSize\":2,\"shots\":1,\"selection\":\"first\",\"strategy\":\"H1\","
                    + "\"strategyPlugin\":\"h-proposal-search\",\"seed\":0,\"iterations\":10,\"evalEvery\":10}',"
                    + " 'ok', '', 10, 0.5, 1.2, 0.01, 30, 12, 5, 3, '[]')");
            s.execute("INSERT INTO rounds VALUES ('abc', 0, 0, 'SHRINK', '[0.01,0.1,1.0]', '[1.0,9.0,20.0]', NULL)");
            s.execute("INSERT INTO rounds VALUES ('abc', 1, 0, 'BOUND', '[0.001,0.01,0.1]', '[0.5,2.0,4.0]', 0.01)");
        }
        try (ResultsStore store = ResultsStore.open(dir)) {
            List<RunResult> runs = store.runs();
            assertThat(runs).hasSize(1);
            RunResult r = runs.get(0);
            assertThat(r.result("delta")).isEqualTo(0.01);
            assertThat(r.events()).extracting(TraceEvent::type).containsExactly("searchRound", "searchRound");
            assertThat(r.events().get(0).payload()).containsEntry("case", "shrink");
            assertThat(r.events().get(1).numbers("H")).containsExactly(0.001, 0.01, 0.1);
            assertThat(r.events().get(1).number("delta")).isEqualTo(0.01);
            assertThat(r.testAccuracy()).isEqualTo(0.5);
        }
        // Opening it again finds it migrated already.
        try (ResultsStore store = ResultsStore.open(dir)) {
            assertThat(store.runs().get(0).events()).hasSize(2);
        }
    }

    @Test
    void firstLayoutSpecsGetTheirCoordinatesBackSoRunsOfOneStrategyStayApart() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ResultsStore.FILE));
             Statement s = c.createStatement()) {
            createFirstLayoutRuns(s);
            int i = 0;
            for (int hidden : new int[] {20, 50}) {
                for (int shots : new int[] {1, 2}) {
                    s.execute("INSERT INTO runs VALUES ('r" + i + "', " + i + ", '{\"runId\":\"r" + i + "\",\"dataset\":\"mnist\","
                            + "\"model\":\"two-layer-net\",\"hidden\":" + hidden + ",\"batchSize\":2,\"shots\":" + shots + ","
                            + "\"selection\":\"first\",\"strategy\":\"0.1\",\"strategyPlugin\":\"fixed\",\"seed\":0,"
                            + "\"iterations\":10,\"evalEvery\":10}', 'ok', '', 10, 0.5, 1.2, NULL, 10, 10, 5, 3, '[]')");
                    i++;
                }
            }
        }
        try (ResultsStore store = ResultsStore.open(dir)) {
            List<RunResult> runs = store.runs();
            assertThat(runs).extracting(r -> r.spec().swept()).allSatisfy(sw ->
                    assertThat(sw).containsExactly("model.hidden", "dataset.shots"));
            assertThat(runs.get(3).spec().coordinates()).containsEntry("model.hidden", 50).containsEntry("dataset.shots", 2)
                    .containsEntry("strategy", "0.1").containsEntry("training.batchSize", 2);
            // Four runs, four distinct settings: nothing pools them any more.
            assertThat(runs.stream().map(r -> r.spec().sweptCoordinates()).distinct()).hasSize(4);
        }
    }
}
