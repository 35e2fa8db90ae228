package org.lrsearch.api;

import java.util.Map;

/**
 * Where a strategy says what it decided and why; the runner stores it with the run.
 *
 * @since 0.1
 */
public interface TraceSink {

    /**
     * An event of this iteration in the strategy's own terms, e.g. {@code event("searchRound",
     * Map.of("H", ..., "G", ...))}; the runner stamps the iteration and stores it with the run.
     */
    void event(String type, Map<String, Object> payload);

    /**
     * A named number of this iteration ({@code scalar("backtracks", 3)}, {@code scalar("gradNormSq", …)}):
     * stored with the run as a series per name and drawn by the report beside the learning rate.
     */
    void scalar(String name, double value);

    /** Candidate rates and the loss each gave; the committed one follows through commit. */
    void candidates(double[] rates, double[] losses);

    /** The phase of the current iteration, e.g. {@code search} or {@code select}. */
    void phase(String phase);

    /** Something a researcher should know about the run (e.g. a shrink limit hit). */
    void warning(String message);

    /** A sink that drops everything. */
    TraceSink NONE = new TraceSink() {
        @Override public void event(String type, Map<String, Object> payload) { }
        @Override public void scalar(String name, double value) { }
        @Override public void candidates(double[] rates, double[] losses) { }
        @Override public void phase(String phase) { }
        @Override public void warning(String message) { }
    };
}
