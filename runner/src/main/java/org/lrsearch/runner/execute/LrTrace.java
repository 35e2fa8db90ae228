package org.lrsearch.runner.execute;

import java.util.ArrayList;
import java.util.List;
import org.lrsearch.api.LrSegment;

/** The committed learning rate of every iteration, run-length encoded as it is recorded. */
final class LrTrace {
    private final List<LrSegment> segments = new ArrayList<>();
    private int start;
    private double lr = Double.NaN;
    private int next;

    /** Records iteration {@code next}'s rate (NaN when no update was made). */
    void add(double rate) {
        if (next > 0 && Double.compare(rate, lr) != 0) {
            segments.add(new LrSegment(start, next - 1, lr));
            start = next;
        }
        lr = rate;
        next++;
    }

    List<LrSegment> segments() {
        List<LrSegment> all = new ArrayList<>(segments);
        if (next > 0) {
            all.add(new LrSegment(start, next - 1, lr));
        }
        return all;
    }
}
