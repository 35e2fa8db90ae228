package org.lrsearch.strategies;

import java.util.List;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.StepContext;

/**
 * Steps 4–5 of the paper: at every iteration, try each candidate rate (by default δ/2 and δ of
 * the bound handed over) as θ − η·g, and commit the one with the least loss, ties to the larger
 * rate. Used alone, it chooses among an explicit candidate list.
 */
final class KMinLoss implements BoundedStrategy {
    private final double[] fractions;
    private final LossScope scope;
    private double[] candidates;
    private final double[] losses;

    private KMinLoss(double[] fractions, double[] candidates, LossScope scope) {
        this.fractions = fractions;
        this.candidates = candidates;
        this.scope = scope;
        this.losses = new double[fractions != null ? fractions.length : candidates.length];
    }

    static KMinLoss withFractions(List<Double> fractions, LossScope scope) {
        return new KMinLoss(fractions.stream().mapToDouble(Double::doubleValue).toArray(), null, scope);
    }

    static KMinLoss withCandidates(List<Double> candidates, LossScope scope) {
        return new KMinLoss(null, candidates.stream().mapToDouble(Double::doubleValue).toArray(), scope);
    }

    @Override
    public void acceptBound(double delta) {
        if (fractions == null) {
            return; // explicit candidates ignore a bound
        }
        candidates = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            candidates[i] = delta * fractions[i];
        }
    }

    @Override
    public boolean needsBound() {
        return candidates == null;
    }

    @Override
    public void step(StepContext context) {
        if (candidates == null) {
            throw new IllegalStateException("k-min-loss with fractions needs a bound from a searcher; "
                    + "give `candidates` to use it alone");
        }
        context.trace().phase("select");
        int best = -1;
        for (int i = 0; i < candidates.length; i++) {
            losses[i] = context.trialLoss(candidates[i], scope);
            if (!Double.isFinite(losses[i])) {
                continue;
            }
            if (best < 0 || losses[i] < losses[best]
                    || (losses[i] == losses[best] && candidates[i] > candidates[best])) {
                best = i;
            }
        }
        context.trace().candidates(candidates.clone(), losses.clone());
        if (best >= 0) {
            context.commit(candidates[best]);
        } else {
            context.diverged("every candidate loss is non-finite at iteration " + context.iteration() + ": rates "
                    + java.util.Arrays.toString(candidates) + ", losses " + java.util.Arrays.toString(losses));
        }
    }
}
