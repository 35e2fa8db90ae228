package org.lrsearch.runner.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Brings a {@code results.db} of an earlier layout up to the current one, in one transaction, when it is opened. */
final class StoreMigration {
    private StoreMigration() {
    }

    /**
     * Stores of lrsearch's first layout kept the searcher's δ in a {@code delta} column and its
     * rounds in a {@code rounds} table; both become the generic strategy results and trace events.
     */
    static void fromFirstLayout(Connection c) throws SQLException {
        boolean hasResults = false;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(runs)")) {
            while (r.next()) {
                hasResults |= r.getString("name").equals("results");
            }
        }
        boolean hasRounds;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='rounds'")) {
            hasRounds = r.next() && r.getInt(1) > 0;
        }
        if (hasResults && !hasRounds) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (!hasResults) {
                s.execute("ALTER TABLE runs ADD COLUMN results TEXT NOT NULL DEFAULT '{}'");
                s.execute("UPDATE runs SET results = json_object('delta', delta) WHERE delta IS NOT NULL");
            }
            if (hasRounds) {
                String[][] cases = {{"SHRINK", "shrink"}, {"STEP_SMALLEST", "stepSmallest"}, {"BOUND", "bound"},
                        {"GIVE_UP", "giveUp"}};
                StringBuilder caseKey = new StringBuilder("CASE decision");
                for (String[] k : cases) {
                    caseKey.append(" WHEN '").append(k[0]).append("' THEN '").append(k[1]).append('\'');
                }
                caseKey.append(" ELSE decision END");
                s.execute("INSERT OR REPLACE INTO events (run_id, seq, iteration, type, payload) SELECT run_id, seq,"
                        + " iteration, 'searchRound', json_object('case', " + caseKey + ", 'H', json(proposals),"
                        + " 'G', json(g), 'delta', delta) FROM rounds");
                s.execute("DROP TABLE rounds");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
