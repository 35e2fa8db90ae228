package org.lrsearch.runner.execute;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrsearch.runner.plan.PlannedRun;

/**
 * Progress for a console that is not a terminal (piped output, CI logs): a line every 5% of the
 * runs with done/total, elapsed time and an ETA.
 *
 * <p>Runs of one experiment can differ in cost by an order of magnitude (batch size, model size,
 * evaluations), and the grid runs them in order, so "elapsed × remaining / done" misleads. Each
 * remaining run is estimated instead from the finished runs most like it: those of its own grid cell
 * (the same coordinates, another seed), else those sharing the most coordinates. The sum of the
 * estimates, scaled by how wall time has related to summed run time so far (the thread count, in
 * effect), gives the ETA.
 */
public final class ProgressLines {
    private static final int STEPS = 20;

    private final PrintStream out;
    private final long t0 = System.nanoTime();
    private final int total;
    /** Each distinct cell (coordinates) with its remaining run count and finished run times. */
    private final Map<Map<String, Object>, Cell> cells = new HashMap<>();
    private int done;
    private long summedMs;
    private int lastStep;

    private static final class Cell {
        final Map<String, Object> coordinates;
        int remaining;
        int finished;
        double finishedMs;

        Cell(Map<String, Object> coordinates) {
            this.coordinates = coordinates;
        }
    }

    /** @param out where the lines go, or null to keep only the estimate ({@link #etaMs}) */
    ProgressLines(List<PlannedRun> todo, PrintStream out) {
        this.out = out;
        this.total = todo.size();
        for (PlannedRun r : todo) {
            cells.computeIfAbsent(r.spec().coordinates(), Cell::new).remaining++;
        }
    }

    synchronized void finished(PlannedRun run, long wallMs) {
        Cell c = cells.get(run.spec().coordinates());
        c.remaining--;
        c.finished++;
        c.finishedMs += wallMs;
        done++;
        summedMs += wallMs;
        int step = (int) ((long) done * STEPS / total);
        if (out != null && (step > lastStep || done == total)) {
            lastStep = step;
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            out.printf(Locale.ROOT, "progress: %d/%d runs (%d%%), elapsed %s%s%n", done, total, 100L * done / total,
                    clock(elapsedMs), done == total ? "" : ", ETA " + clock(eta(elapsedMs)));
            out.flush();
        }
    }

    /** Estimated wall time left now, in milliseconds (0 once every run is done). */
    synchronized long etaMs() {
        return done == total ? 0 : eta((System.nanoTime() - t0) / 1_000_000);
    }

    /** Estimated wall time left, in milliseconds. */
    long eta(long elapsedMs) {
        if (summedMs == 0) {
            return 0;
        }
        List<Cell> measured = new ArrayList<>();
        for (Cell c : cells.values()) {
            if (c.finished > 0) {
                measured.add(c);
            }
        }
        double left = 0;
        for (Cell c : cells.values()) {
            if (c.remaining > 0) {
                left += c.remaining * estimate(c, measured);
            }
        }
        return (long) (left * elapsedMs / summedMs);
    }

    private static double estimate(Cell c, List<Cell> measured) {
        if (c.finished > 0) {
            return c.finishedMs / c.finished;
        }
        int best = -1;
        double nearSum = 0;
        int nearCount = 0;
        for (Cell m : measured) {
            int shared = 0;
            for (var e : c.coordinates.entrySet()) {
                if (e.getValue() != null && e.getValue().equals(m.coordinates.get(e.getKey()))) {
                    shared++;
                }
            }
            if (shared > best) {
                best = shared;
                nearSum = 0;
                nearCount = 0;
            }
            if (shared == best) {
                nearSum += m.finishedMs / m.finished;
                nearCount++;
            }
        }
        return nearCount == 0 ? 0 : nearSum / nearCount;
    }

    /** A duration as m:ss, or h:mm:ss from an hour up. */
    public static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
