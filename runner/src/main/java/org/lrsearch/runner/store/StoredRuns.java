package org.lrsearch.runner.store;

import static org.lrsearch.runner.store.ResultsStore.READ;
import static org.lrsearch.runner.store.ResultsStore.real;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.CurvePoint;
import org.lrsearch.api.LrSegment;
import org.lrsearch.api.RunResult;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.RunStatus;
import org.lrsearch.api.ScalarSeries;
import org.lrsearch.api.StoredList;
import org.lrsearch.api.TraceEvent;

/**
 * Stored runs read back in grid order, {@value #CHUNK} runs at a time as they are walked, each run's curve
 * and traces only when asked for. Only the row ids and a weak reference to each run read (about 40 bytes a
 * run) are held for good; chunks are held softly, so a reporter that walks the runs several times reads them
 * once while memory allows, and again when it does not. A tuned study's tuning runs come without their
 * traces (reports use only their outcome and curve, and a fair shootout stores thousands).
 */
final class StoredRuns extends StoredList<RunResult> {
    static final int CHUNK = 256;
    private static final String TUNING = "json_extract(spec, '$.coordinates.phase') = 'tuning'";

    /** Which stored runs a list holds. */
    enum Phase {
        ALL("1"), EVALUATION("(" + TUNING + ") IS NOT 1"), TUNING_ONLY(TUNING);

        private final String where;

        Phase(String where) {
            this.where = where;
        }
    }

    private final Object lock;
    private final Connection db;
    private final long[] rowIds;
    private final List<SoftReference<List<RunResult>>> chunks;
    /**
     * Each run read, as long as something holds it: a chunk read again (its memory was needed) gives a reporter
     * the runs it still holds, never a second copy of them.
     */
    private final List<WeakReference<RunResult>> held;

    private StoredRuns(Object lock, Connection db, long[] rowIds) {
        this.lock = lock;
        this.db = db;
        this.rowIds = rowIds;
        this.chunks = new ArrayList<>();
        for (int c = 0; c < rowIds.length; c += CHUNK) {
            chunks.add(new SoftReference<>(null));
        }
        this.held = new ArrayList<>(java.util.Collections.nCopies(rowIds.length, null));
    }

    /** The runs of {@code phase} stored now in {@code db}, in grid order; read under {@code lock}. */
    static StoredRuns list(Object lock, Connection db, Phase phase) throws SQLException {
        long[] ids = new long[64];
        int n = 0;
        try (PreparedStatement p = db.prepareStatement("SELECT rowid FROM runs WHERE " + phase.where + " ORDER BY ord, rowid");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, 2 * n);
                }
                ids[n++] = r.getLong(1);
            }
        }
        return new StoredRuns(lock, db, Arrays.copyOf(ids, n));
    }

    @Override
    public int size() {
        return rowIds.length;
    }

    @Override
    public RunResult get(int index) {
        if (index < 0 || index >= rowIds.length) {
            throw new IndexOutOfBoundsException(index);
        }
        synchronized (lock) {
            RunResult known = known(index);
            if (known != null) {
                return known;
            }
            int c = index / CHUNK;
            List<RunResult> chunk = chunks.get(c).get();
            if (chunk == null) {
                chunk = guarded(() -> chunk(c * CHUNK, Math.min(rowIds.length, (c + 1) * CHUNK)));
                chunks.set(c, new SoftReference<>(chunk));
            }
            return chunk.get(index - c * CHUNK);
        }
    }

    private List<RunResult> chunk(int from, int to) throws SQLException, JsonProcessingException {
        // Only the runs nothing holds any more are read and parsed again.
        StringBuilder in = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (known(i) == null) {
                in.append(in.length() == 0 ? "" : ",").append(rowIds[i]);
            }
        }
        Map<Long, RunResult> byRow = new HashMap<>();
        if (in.length() > 0) {
            try (PreparedStatement p = db.prepareStatement("SELECT rowid, *, " + TUNING + " AS tuning FROM runs WHERE rowid IN ("
                    + in + ")"); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byRow.put(r.getLong(1), run(r));
                }
            }
        }
        List<RunResult> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            RunResult run = known(i);
            if (run == null) {
                run = byRow.get(rowIds[i]);
                if (run == null) {
                    throw new IllegalStateException("results store: a run was replaced while its runs were being read; read them again");
                }
                held.set(i, new WeakReference<>(run));
            }
            out.add(run);
        }
        return out;
    }

    private RunResult known(int index) {
        WeakReference<RunResult> w = held.get(index);
        return w == null ? null : w.get();
    }

    private RunResult run(ResultSet r) throws SQLException, JsonProcessingException {
        String id = r.getString("run_id");
        boolean traced = !r.getBoolean("tuning");
        return new RunResult(READ.readValue(r.getString("spec"), RunSpec.class),
                RunStatus.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)),
                r.getString("message"), r.getInt("stopped_at"), real(r, "test_accuracy"), real(r, "final_train_loss"),
                READ.readValue(r.getString("results"), new TypeReference<Map<String, Double>>() { }),
                r.getLong("forward_passes"), r.getLong("backward_passes"), r.getLong("wall_ms"), r.getLong("eval_ms"),
                new Part<>(this, id, Part.CURVE), traced ? new Part<>(this, id, Part.EVENTS) : List.of(),
                traced ? new Part<>(this, id, Part.SEGMENTS) : List.of(), traced ? new Part<>(this, id, Part.SCALARS) : List.of(),
                READ.readValue(r.getString("warnings"), new TypeReference<List<String>>() { }),
                real(r, "validation_accuracy"));
    }

    private List<CurvePoint> curve(String id) throws SQLException, JsonProcessingException {
        return rows("SELECT iteration, test_accuracy, lr, epoch, train_accuracy, passes FROM curves WHERE run_id = ?"
                + " ORDER BY iteration", id, r -> new CurvePoint(r.getInt(1), real(r, 2), real(r, 3), real(r, 4), real(r, 5), real(r, 6)));
    }

    private List<TraceEvent> events(String id) throws SQLException, JsonProcessingException {
        return rows("SELECT iteration, type, payload FROM events WHERE run_id = ? ORDER BY seq", id, r -> new TraceEvent(
                r.getInt(1), r.getString(2), READ.readValue(r.getString(3), new TypeReference<Map<String, Object>>() { })));
    }

    private List<LrSegment> segments(String id) throws SQLException, JsonProcessingException {
        return rows("SELECT first, last, lr FROM lr_segments WHERE run_id = ? ORDER BY first", id,
                r -> new LrSegment(r.getInt(1), r.getInt(2), real(r, 3)));
    }

    private List<ScalarSeries> scalars(String id) throws SQLException, JsonProcessingException {
        return rows("SELECT name, iterations, vals FROM scalars WHERE run_id = ? ORDER BY rowid", id, r -> {
            java.nio.IntBuffer it = ByteBuffer.wrap(r.getBytes(2)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            java.nio.DoubleBuffer v = ByteBuffer.wrap(r.getBytes(3)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            int[] its = new int[it.remaining()];
            double[] vals = new double[v.remaining()];
            it.get(its);
            v.get(vals);
            return new ScalarSeries(r.getString(1), its, vals);
        });
    }

    /** The rows {@code sql} selects for one run ({@code ?} its id), each made into an element by {@code row}. */
    private <E> List<E> rows(String sql, String id, Row<E> row) throws SQLException, JsonProcessingException {
        List<E> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            p.setString(1, id);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Row<E> {
        E read(ResultSet r) throws SQLException, JsonProcessingException;
    }

    /**
     * A run's curve or one of its traces, read from the store when a reporter asks for it: 32 bytes a part
     * until then, so a reporter can hold many runs without their curves.
     */
    private static final class Part<E> extends StoredList.ReadWhole<E> {
        static final int CURVE = 0, EVENTS = 1, SEGMENTS = 2, SCALARS = 3;
        private final StoredRuns runs;
        private final String id;
        private final int kind;

        Part(StoredRuns runs, String id, int kind) {
            this.runs = runs;
            this.id = id;
            this.kind = kind;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected List<E> read() {
            synchronized (runs.lock) {
                return (List<E>) guarded(() -> switch (kind) {
                    case CURVE -> runs.curve(id);
                    case EVENTS -> runs.events(id);
                    case SEGMENTS -> runs.segments(id);
                    default -> runs.scalars(id);
                });
            }
        }
    }

    private static <T> T guarded(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("results store: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException, JsonProcessingException;
    }
}
