package org.lrsearch.strategies;

import java.util.OptionalDouble;
import org.lrsearch.api.BoundedStrategy;
import org.lrsearch.api.LrStrategy;
import org.lrsearch.api.SignChange;
import org.lrsearch.api.StepContext;

/**
 * Steps 1–3 of Kim, Lee, Chung, Lee and Jung, "An Algorithm to Search Optimal Learning Rate for
 * Few-Shot Learning and Lightweight Deep Learning Applications": find an upper bound δ for the
 * learning rate from a proposal set H by how many gradient signs flip after a trial step.
 *
 * <p>Call order, per iteration, while δ is undetermined: G(η) for every η in H on this
 * iteration's minibatch; if max G &gt; α, H shrinks tenfold and the round repeats on the same
 * minibatch without an update (at most {@code maxShrinks} times, then δ = η1 with a warning);
 * if max G &lt; β, δ = the η with the largest G (ties to the larger η), the successor gets δ and
 * takes this same iteration; otherwise θ ← θ − η1·g ends the iteration. Once δ is fixed every
 * step goes to the successor. G counts exact zeros as {@code zeros} says (the paper: as flips).
 */
final class HProposalSearch implements LrStrategy {
    private final double alpha;
    private final double beta;
    private final int maxShrinks;
    private final SignChange.Zeros zeros;
    private final BoundedStrategy successor;
    private final double[] proposals;
    private double delta = Double.NaN;

    HProposalSearch(double[] proposals, double alpha, double beta, int maxShrinks, SignChange.Zeros zeros,
                    BoundedStrategy successor) {
        this.zeros = zeros;
        this.proposals = proposals.clone();
        this.alpha = alpha;
        this.beta = beta;
        this.maxShrinks = maxShrinks;
        this.successor = successor;
    }

    @Override
    public void step(StepContext context) {
        if (!Double.isNaN(delta)) {
            successor.step(context);
            return;
        }
        context.trace().phase("search");
        for (int shrinks = 0; ; shrinks++) {
            if (shrinks == maxShrinks) {
                delta = proposals[0];
                context.trace().warning("no bound after " + maxShrinks + " shrinks at iteration "
                        + context.iteration() + "; δ = smallest proposal " + delta);
                record(context, new SearchRound(SearchCase.GIVE_UP,
                        proposals.clone(), new double[0], delta));
                break;
            }
            double[] g = new double[proposals.length];
            double gMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < proposals.length; i++) {
                g[i] = context.signChangePercent(proposals[i], zeros);
                gMax = Math.max(gMax, g[i]);
            }
            if (gMax > alpha) {
                record(context, new SearchRound(SearchCase.SHRINK,
                        proposals.clone(), g, Double.NaN));
                for (int i = 0; i < proposals.length; i++) {
                    proposals[i] = proposals[i] / 10;
                }
            } else if (gMax < beta) {
                int best = 0;
                for (int i = 1; i < proposals.length; i++) {
                    // Ties go to the larger rate: H is ascending, so a later equal G wins.
                    if (g[i] >= g[best]) {
                        best = i;
                    }
                }
                delta = proposals[best];
                record(context, new SearchRound(SearchCase.BOUND,
                        proposals.clone(), g, delta));
                break;
            } else {
                record(context, new SearchRound(SearchCase.STEP_SMALLEST,
                        proposals.clone(), g, Double.NaN));
                context.commit(proposals[0]);
                return;
            }
        }
        successor.acceptBound(delta);
        successor.step(context);
    }

    private static void record(StepContext context, SearchRound round) {
        context.trace().event(SearchRound.EVENT, round.payload());
    }

    @Override
    public OptionalDouble bound() {
        return Double.isNaN(delta) ? OptionalDouble.empty() : OptionalDouble.of(delta);
    }

    /** The current proposal set (shrunk as the search went). */
    double[] proposals() {
        return proposals.clone();
    }
}
