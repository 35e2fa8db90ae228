package org.lrsearch.runner.store;

import static org.lrsearch.runner.store.ResultsStore.READ;
import static org.lrsearch.runner.store.ResultsStore.real;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.ScalarSeries;
import org.lrsearch.api.TraceEvent;

/** Reading every stored run back, with its curve, events, LR segments and scalars, in grid order. */
final class StoredRuns {
    private StoredRuns() {
    }

    /**
     * The runs whose traces (events, LR segments, scalars) are read: all but a tuned study's tuning runs, which
     * reports use only for their outcome and curve (a fair shootout stores thousands).
     */
    private static final String TRACED = " WHERE run_id NOT IN (SELECT run_id FROM runs"
            + " WHERE json_extract(spec, '$.coordinates.phase') = 'tuning')";

    /** Every stored run of {@code db}, in grid order (a tuned study's tuning runs without their traces). */
    static List<RunResult> read(Connection db) throws SQLException, JsonProcessingException {
        Map<String, List<CurvePoint>> curves = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, iteration, test_accuracy, lr, epoch, train_accuracy, passes"
                     + " FROM curves ORDER BY run_id, iteration")) {
            while (r.next()) {
                curves.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new CurvePoint(r.getInt(2), real(r, 3), real(r, 4), real(r, 5), real(r, 6), real(r, 7)));
            }
        }
        Map<String, List<TraceEvent>> events = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, iteration, type, payload FROM events" + TRACED + " ORDER BY run_id, seq")) {
            while (r.next()) {
                events.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new TraceEvent(r.getInt(2),
                        r.getString(3), READ.readValue(r.getString(4), new TypeReference<Map<String, Object>>() { })));
            }
        }
        Map<String, List<LrSegment>> segments = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, first, last, lr FROM lr_segments" + TRACED + " ORDER BY run_id, first")) {
            while (r.next()) {
                segments.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                        .add(new LrSegment(r.getInt(2), r.getInt(3), real(r, 4)));
            }
        }
        Map<String, List<ScalarSeries>> scalars = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id, name, iterations, vals FROM scalars" + TRACED + " ORDER BY run_id, rowid")) {
            while (r.next()) {
                java.nio.IntBuffer it = ByteBuffer.wrap(r.getBytes(3)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                java.nio.DoubleBuffer v = ByteBuffer.wrap(r.getBytes(4)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
                int[] its = new int[it.remaining()];
                double[] vals = new double[v.remaining()];
                it.get(its);
                v.get(vals);
                scalars.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new ScalarSeries(r.getString(2), its, vals));
            }
        }
        List<RunResult> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM runs ORDER BY ord")) {
            while (r.next()) {
                String id = r.getString("run_id");
                out.add(new RunResult(READ.readValue(r.getString("spec"), RunSpec.class),
                        RunStatus.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)),
                        r.getString("message"), r.getInt("stopped_at"), real(r, "test_accuracy"),
                        real(r, "final_train_loss"),
                        READ.readValue(r.getString("results"), new TypeReference<Map<String, Double>>() { }),
                        r.getLong("forward_passes"), r.getLong("backward_passes"), r.getLong("wall_ms"),
                        r.getLong("eval_ms"), curves.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()),
                        segments.getOrDefault(id, List.of()), scalars.getOrDefault(id, List.of()),
                        READ.readValue(r.getString("warnings"), new TypeReference<List<String>>() { }),
                        real(r, "validation_accuracy")));
            }
        }
        return out;
    }
}
