package org.lrsearch.runner.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.ExperimentInfo;
import org.lrsearch.api.ExperimentResults;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.ScalarSeries;
import org.lrsearch.api.TraceEvent;
import org.lrsearch.runner.config.Mappers;
import org.lrsearch.runner.config.UsageException;

/**
 * The experiment's durable store: {@code results.db}, SQLite in WAL mode. Each finished run, with
 * its curve, strategy results, trace events and LR trace, is committed in one transaction, so a process killed at
 * any moment leaves every committed run intact and nothing half-written. CSV files and reports are
 * rendered from here, which is what lets {@code lrsearch report} and {@code --resume} work.
 */
public final class ResultsStore implements AutoCloseable {
    public static final String FILE = "results.db";

    private final Connection db;
    /** Reads what older versions wrote too: a field a record no longer has is skipped. */
    static final com.fasterxml.jackson.databind.ObjectMapper READ = Mappers.JSON.copy()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ResultsStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating when absent) the store in {@code dir}; a store of the first layout is migrated in place. */
    public static ResultsStore open(Path dir) {
        SqliteNative.prepare();
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FILE));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                StoreMigration.current(s);
                StoreMigration.fromFirstLayout(c);
            }
            return new ResultsStore(c);
        } catch (SQLException e) {
            throw new UsageException(dir.resolve(FILE) + ": cannot open the results store (" + e.getMessage() + ")", e);
        }
    }

    public synchronized void putMeta(String key, String value) {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
    }

    public synchronized String meta(String key) {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
    }

    /** Commits one finished run and everything it produced, atomically. */
    public synchronized void save(int order, RunResult r) {
        String id = r.spec().runId();
        try {
            db.setAutoCommit(false);
            for (String t : List.of("runs", "curves", "events", "lr_segments", "scalars")) {
                try (PreparedStatement p = db.prepareStatement("DELETE FROM " + t + " WHERE run_id = ?")) {
                    p.setString(1, id);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO runs (run_id, ord, spec, status, message,"
                    + " stopped_at, test_accuracy, final_train_loss, forward_passes, backward_passes, wall_ms, eval_ms,"
                    + " warnings, results, validation_accuracy) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setInt(2, order);
                p.setString(3, Mappers.toJson(r.spec()));
                p.setString(4, r.status().key());
                p.setString(5, r.message());
                p.setInt(6, r.stoppedAt());
                real(p, 7, r.testAccuracy());
                real(p, 8, r.finalTrainLoss());
                p.setLong(9, r.forwardPasses());
                p.setLong(10, r.backwardPasses());
                p.setLong(11, r.wallMs());
                p.setLong(12, r.evalMs());
                p.setString(13, Mappers.toJson(r.warnings()));
                p.setString(14, Mappers.toJson(r.results()));
                real(p, 15, r.validationAccuracy());
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO curves (run_id, iteration, test_accuracy, lr,"
                    + " epoch, train_accuracy, passes) VALUES (?,?,?,?,?,?,?)")) {
                for (CurvePoint c : r.curve()) {
                    p.setString(1, id);
                    p.setInt(2, c.iteration());
                    real(p, 3, c.testAccuracy());
                    real(p, 4, c.lr());
                    real(p, 5, c.epoch());
                    real(p, 6, c.trainAccuracy());
                    if (Double.isNaN(c.passes())) {
                        p.setNull(7, java.sql.Types.INTEGER);
                    } else {
                        p.setLong(7, (long) c.passes());
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?)")) {
                int seq = 0;
                for (TraceEvent e : r.events()) {
                    p.setString(1, id);
                    p.setInt(2, seq++);
                    p.setInt(3, e.iteration());
                    p.setString(4, e.type());
                    p.setString(5, Mappers.toJson(e.payload()));
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO lr_segments VALUES (?,?,?,?)")) {
                for (LrSegment s : r.lrSegments()) {
                    p.setString(1, id);
                    p.setInt(2, s.from());
                    p.setInt(3, s.to());
                    real(p, 4, s.lr());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = db.prepareStatement("INSERT INTO scalars VALUES (?,?,?,?)")) {
                for (ScalarSeries sc : r.scalars()) {
                    p.setString(1, id);
                    p.setString(2, sc.name());
                    ByteBuffer it = ByteBuffer.allocate(4 * sc.iterations().length).order(ByteOrder.LITTLE_ENDIAN);
                    it.asIntBuffer().put(sc.iterations());
                    ByteBuffer v = ByteBuffer.allocate(8 * sc.values().length).order(ByteOrder.LITTLE_ENDIAN);
                    v.asDoubleBuffer().put(sc.values());
                    p.setBytes(3, it.array());
                    p.setBytes(4, v.array());
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original failure is what matters
            }
            throw new IllegalStateException("results store: cannot save run " + id + ": " + e.getMessage(), e);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // connection is closing anyway
            }
        }
    }

    /** Ids of runs that finished (ok or diverged); failed runs are redone on resume. */
    public synchronized Set<String> completedRunIds() {
        Set<String> ids = new HashSet<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id FROM runs WHERE status IN ('ok', 'diverged')")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
        return ids;
    }

    /** How many of the runs {@code ids} the store holds, by status key ({@code ok}, {@code diverged}, {@code failed}). */
    public Map<String, Integer> statusCounts(Set<String> ids) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        statuses().forEach((id, status) -> {
            if (ids.contains(id)) {
                counts.merge(status, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Every stored run's status key, by run id. */
    public synchronized Map<String, String> statuses() {
        Map<String, String> statuses = new HashMap<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT run_id, status FROM runs")) {
            while (r.next()) {
                statuses.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
        return statuses;
    }

    /**
     * What changes whenever a run is committed or replaced, or the experiment's record is rewritten (as when it
     * finishes): a reader compares marks to know whether its rendering of the store is still current.
     */
    public synchronized String changeMark() {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM runs), (SELECT coalesce(max(rowid), 0) FROM runs),"
                     + " (SELECT value FROM meta WHERE key = 'experiment')")) {
            r.next();
            return r.getLong(1) + "-" + r.getLong(2) + "-" + Integer.toHexString(String.valueOf(r.getString(3)).hashCode());
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
    }

    /** Ids of every stored run, whatever its status. */
    public synchronized Set<String> runIds() {
        Set<String> ids = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT run_id FROM runs")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
        return ids;
    }

    /** A stored run's coordinates and outcome, without its curve or trace (for summaries and tuning choices). */
    public record Outcome(RunSpec spec, RunStatus status, double testAccuracy, double finalTrainLoss,
                          double validationAccuracy) {
    }

    /** Every stored run's outcome, in grid order: a few hundred bytes a run, whatever its curve. */
    public synchronized List<Outcome> outcomes() {
        List<Outcome> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT spec, status, test_accuracy, final_train_loss, validation_accuracy"
                     + " FROM runs ORDER BY ord")) {
            while (r.next()) {
                out.add(new Outcome(READ.readValue(r.getString(1), RunSpec.class),
                        RunStatus.valueOf(r.getString(2).toUpperCase(java.util.Locale.ROOT)), real(r, 3), real(r, 4),
                        real(r, 5)));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Every stored run, in grid order (a tuned study's tuning runs without their traces), read from the store
     * in chunks as the list is walked: read it while the store is open.
     */
    public synchronized List<RunResult> runs() {
        return list(StoredRuns.Phase.ALL);
    }

    /** What reporters render from: the evaluation runs and the tuning runs, each read as {@link #runs()} is. */
    public synchronized ExperimentResults results(ExperimentInfo info) {
        return new ExperimentResults(info, list(StoredRuns.Phase.EVALUATION), list(StoredRuns.Phase.TUNING_ONLY));
    }

    private List<RunResult> list(StoredRuns.Phase phase) {
        try {
            return StoredRuns.list(this, db, phase);
        } catch (SQLException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
    }

    // SQLite stores NaN as NULL; map it back.
    private static void real(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(i, Types.REAL);
        } else {
            p.setDouble(i, v);
        }
    }

    static double real(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? Double.NaN : v;
    }

    static double real(ResultSet r, String c) throws SQLException {
        double v = r.getDouble(c);
        return r.wasNull() ? Double.NaN : v;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing left to save
        }
    }
}
