package org.lrsearch.strategies;

import java.util.List;
import java.util.Map;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Option;
import org.lrsearch.api.SignChange;

/** Options of the {@code h-proposal-search} strategy (docs/METHOD.md §3). */
public record HProposalSearchOptions(
        @Option(description = "the proposal set H, ascending, every rate > 0 (required; the paper: [0.01, 0.1, 1] "
                + "and [1, 10, 100])")
        List<Double> proposals,
        @Option(description = "shrink H tenfold while the largest sign-change percentage G exceeds alpha (percent)",
                defaultValue = "8")
        Double alpha,
        @Option(description = "fix the bound δ once the largest G is below beta (percent); alpha >= beta >= 0",
                defaultValue = "5")
        Double beta,
        @Option(description = "shrinks in one iteration before giving up with δ = smallest proposal and a warning",
                defaultValue = "20")
        Integer maxShrinks,
        @Option(description = "how gradient components that are exactly 0 count in G: flip (the paper: 0 → ± is a "
                + "flip) or skip (a component 0 at either point is left out; docs/CNN.md)", defaultValue = "flip",
                omitDefaultFromRunId = true)
        String zeros,
        @Option(description = "the strategy that receives δ and runs from then on; it must accept a bound",
                defaultValue = "{plugin: k-min-loss}")
        Map<String, Object> then) {

    static final Map<String, SignChange.Zeros> ZEROS = Map.of("flip", SignChange.Zeros.FLIP, "skip", SignChange.Zeros.SKIP);

    public HProposalSearchOptions {
        InvalidOptionException.require(proposals != null && !proposals.isEmpty(), "proposals", proposals,
                "needs at least one learning rate");
        for (int i = 0; i < proposals.size(); i++) {
            Double r = proposals.get(i);
            InvalidOptionException.require(r != null && Double.isFinite(r) && r > 0, "proposals", proposals,
                    "every proposal must be a finite learning rate > 0");
            InvalidOptionException.require(i == 0 || r > proposals.get(i - 1), "proposals", proposals,
                    "must be strictly ascending");
        }
        proposals = List.copyOf(proposals);
        InvalidOptionException.require(Double.isFinite(alpha) && alpha >= 0 && alpha <= 100, "alpha", alpha,
                "must be a percentage in [0, 100]");
        InvalidOptionException.require(Double.isFinite(beta) && beta >= 0 && beta <= 100, "beta", beta,
                "must be a percentage in [0, 100]");
        InvalidOptionException.require(alpha >= beta, "alpha", alpha, "must be >= beta (" + beta + ")");
        InvalidOptionException.require(maxShrinks >= 1, "maxShrinks", maxShrinks, "must be at least 1");
        InvalidOptionException.require(ZEROS.containsKey(zeros), "zeros", zeros, "must be one of: flip, skip");
    }
}
