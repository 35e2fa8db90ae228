package org.lrsearch.api;

/** Where a strategy says what it decided and why; the runner stores it with the run. */
public interface TraceSink {

    /** A search round: H tried, G per proposal, the decision. */
    void searchRound(SearchRound round);

    /** Candidate rates and the loss each gave; the committed one follows through commit. */
    void candidates(double[] rates, double[] losses);

    /** The phase of the current iteration, e.g. {@code search} or {@code select}. */
    void phase(String phase);

    /** Something a researcher should know about the run (e.g. a shrink limit hit). */
    void warning(String message);

    /** A sink that drops everything. */
    TraceSink NONE = new TraceSink() {
        @Override public void searchRound(SearchRound round) { }
        @Override public void candidates(double[] rates, double[] losses) { }
        @Override public void phase(String phase) { }
        @Override public void warning(String message) { }
    };
}
