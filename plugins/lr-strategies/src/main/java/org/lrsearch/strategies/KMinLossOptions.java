package org.lrsearch.strategies;

import java.util.List;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Option;

/** Options of the {@code k-min-loss} strategy (docs/METHOD.md §4). */
public record KMinLossOptions(
        @Option(description = "candidates as fractions of the bound δ handed over by a searcher (without "
                + "candidates: [0.5, 1.0], the paper's; filled in here since it depends on candidates)")
        List<Double> fractions,
        @Option(description = "explicit candidate rates, for use without a searcher (instead of fractions)",
                defaultValue = "")
        List<Double> candidates,
        @Option(description = "where candidate losses are measured: minibatch (the paper) or train-set",
                defaultValue = "minibatch")
        String lossOn) {

    public KMinLossOptions {
        InvalidOptionException.require(fractions == null || candidates == null, "candidates", candidates,
                "cannot be combined with fractions: give one or the other");
        if (candidates != null) {
            InvalidOptionException.require(!candidates.isEmpty(), "candidates", candidates, "needs at least one rate");
            for (Double c : candidates) {
                InvalidOptionException.require(c != null && Double.isFinite(c) && c > 0, "candidates", candidates,
                        "every candidate must be a finite learning rate > 0");
            }
            candidates = List.copyOf(candidates);
        } else {
            fractions = fractions == null ? List.of(0.5, 1.0) : List.copyOf(fractions);
            InvalidOptionException.require(!fractions.isEmpty(), "fractions", fractions, "needs at least one fraction");
            for (Double f : fractions) {
                InvalidOptionException.require(f != null && Double.isFinite(f) && f > 0, "fractions", fractions,
                        "every fraction must be finite and > 0");
            }
        }
        InvalidOptionException.require(lossOn.equals("minibatch") || lossOn.equals("train-set"), "lossOn", lossOn,
                "must be one of: minibatch, train-set");
    }

    LossScope scope() {
        return lossOn.equals("minibatch") ? LossScope.MINIBATCH : LossScope.TRAIN_SET;
    }
}
