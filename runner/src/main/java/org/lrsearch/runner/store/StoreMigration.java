package org.lrsearch.runner.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results.db} layout: the current tables, and a store of an earlier layout brought up to them,
 * in one transaction, when it is opened.
 */
final class StoreMigration {
    private StoreMigration() {
    }

    /** The current layout's tables, created where missing (a new store, or one a crash left half made). */
    static void current(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, ord INTEGER NOT NULL,"
                + " spec TEXT NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL, stopped_at INTEGER NOT NULL,"
                + " test_accuracy REAL, final_train_loss REAL, forward_passes INTEGER NOT NULL,"
                + " backward_passes INTEGER NOT NULL, wall_ms INTEGER NOT NULL, eval_ms INTEGER NOT NULL,"
                + " warnings TEXT NOT NULL, results TEXT NOT NULL DEFAULT '{}', validation_accuracy REAL)");
        s.execute("CREATE TABLE IF NOT EXISTS curves (run_id TEXT NOT NULL, iteration INTEGER NOT NULL,"
                + " test_accuracy REAL, lr REAL, epoch REAL, train_accuracy REAL, passes INTEGER,"
                + " PRIMARY KEY (run_id, iteration))");
        s.execute("CREATE TABLE IF NOT EXISTS events (run_id TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " iteration INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (run_id, seq))");
        s.execute("CREATE TABLE IF NOT EXISTS lr_segments (run_id TEXT NOT NULL, first INTEGER NOT NULL,"
                + " last INTEGER NOT NULL, lr REAL, PRIMARY KEY (run_id, first))");
        // One row per recorded scalar: iterations (int32) and values (float64), little-endian blobs.
        s.execute("CREATE TABLE IF NOT EXISTS scalars (run_id TEXT NOT NULL, name TEXT NOT NULL,"
                + " iterations BLOB NOT NULL, vals BLOB NOT NULL, PRIMARY KEY (run_id, name))");
    }

    /**
     * Stores of lrsearch's first layout kept the searcher's δ in a {@code delta} column and its
     * rounds in a {@code rounds} table; both become the generic strategy results and trace events.
     */
    static void fromFirstLayout(Connection c) throws SQLException {
        coordinatesFromFirstLayout(c);
        // Curves before per-epoch evaluation had neither the epoch nor the training-set accuracy: unmeasured.
        if (!hasColumn(c, "curves", "epoch")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE curves ADD COLUMN epoch REAL");
                s.execute("ALTER TABLE curves ADD COLUMN train_accuracy REAL");
            }
        }
        // Nor, before costs to a target, the passes spent up to each point; nor runs a validation accuracy.
        if (!hasColumn(c, "curves", "passes")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE curves ADD COLUMN passes INTEGER");
            }
        }
        if (!hasColumn(c, "runs", "validation_accuracy")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE runs ADD COLUMN validation_accuracy REAL");
            }
        }
        boolean hasResults = hasColumn(c, "runs", "results");
        boolean hasRounds;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='rounds'")) {
            hasRounds = r.next() && r.getInt(1) > 0;
        }
        if (hasResults && !hasRounds) {
            return;
        }
        inTransaction(c, () -> {
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
            }
        });
    }

    /**
     * Whether a store is of the current layout, so that it can be read as it is: what {@link #current} and
     * {@link #fromFirstLayout} would change is absent. Asks only (a reader that must not write calls it).
     */
    static boolean isCurrent(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type='table'"
                     + " AND name IN ('meta', 'runs', 'curves', 'events', 'lr_segments', 'scalars', 'rounds') ORDER BY name)")) {
            if (!r.next() || !"curves,events,lr_segments,meta,runs,scalars".equals(r.getString(1))) {
                return false;
            }
        }
        if (!hasColumn(c, "curves", "epoch") || !hasColumn(c, "curves", "passes") || !hasColumn(c, "runs", "results")
                || !hasColumn(c, "runs", "validation_accuracy")) {
            return false;
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT 1 FROM runs WHERE json_extract(spec, '$.coordinates') IS NULL LIMIT 1")) {
            return !r.next();
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (r.next()) {
                if (r.getString("name").equals(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: all of a migration lands, or none of it. */
    private static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The keys a first-layout spec records, in Table 1's order then the rest: what its coordinates can be. */
    private static final String[][] FIRST_LAYOUT_KEYS = {{"strategy", "strategy"}, {"training.batchSize", "batchSize"},
        {"model.hidden", "hidden"}, {"dataset.shots", "shots"}, {"dataset.selection", "selection"},
        {"training.iterations", "iterations"}, {"training.evalEvery", "evalEvery"}};

    /**
     * Specs of the first layout have no coordinates, so every run of one strategy and seed would share
     * one pairing key and one cell. They are rebuilt from the fields the spec recorded, and the swept
     * keys are those whose values differ between the store's runs.
     */
    private static void coordinatesFromFirstLayout(Connection c) throws SQLException {
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, spec FROM runs WHERE json_extract(spec, '$.coordinates') IS NULL")) {
            while (r.next()) {
                try {
                    specs.put(r.getString(1), (ObjectNode) json.readTree(r.getString(2)));
                } catch (JsonProcessingException e) {
                    throw new SQLException("run " + r.getString(1) + ": unreadable spec (" + e.getOriginalMessage() + ")", e);
                }
            }
        }
        if (specs.isEmpty()) {
            return;
        }
        List<String> swept = new ArrayList<>();
        for (String[] k : FIRST_LAYOUT_KEYS) {
            long distinct = specs.values().stream().map(n -> String.valueOf(n.get(k[1]))).distinct().count();
            if (distinct > 1) {
                swept.add(k[0]);
            }
        }
        inTransaction(c, () -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET spec = ? WHERE run_id = ?")) {
                for (var e : specs.entrySet()) {
                    ObjectNode spec = e.getValue();
                    ObjectNode coordinates = spec.putObject("coordinates");
                    for (String[] k : FIRST_LAYOUT_KEYS) {
                        if (spec.has(k[1])) {
                            coordinates.set(k[0], spec.get(k[1]));
                        }
                    }
                    ArrayNode sw = spec.putArray("swept");
                    swept.forEach(sw::add);
                    p.setString(1, spec.toString());
                    p.setString(2, e.getKey());
                    p.executeUpdate();
                }
            }
        });
    }
}
