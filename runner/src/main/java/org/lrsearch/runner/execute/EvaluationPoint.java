package org.lrsearch.runner.execute;

import org.lrsearch.api.Optimizer;
import org.lrsearch.api.ParameterSpace;

/**
 * Moves the model to its optimizer's evaluation point (Schedule-Free's x) for test and training
 * accuracy and the final training loss, and back to the training point θ afterwards; does nothing for
 * an optimizer that evaluates at θ (every other one). Training (g, trials, the divergence guard)
 * never sees the evaluation point.
 */
final class EvaluationPoint {
    private final ParameterSpace space;
    private final Optimizer optimizer;
    private double[] theta;
    private double[] point;
    private boolean moved;

    /** @param space the coordinates the optimizer works in; null for plain SGD */
    EvaluationPoint(ParameterSpace space, Optimizer optimizer) {
        this.space = space;
        this.optimizer = optimizer;
    }

    void enter() {
        if (space == null) {
            return;
        }
        if (theta == null) {
            theta = new double[space.size()];
            point = new double[space.size()];
        }
        space.parameters(theta);
        moved = optimizer.evaluationPoint(theta, point);
        if (moved) {
            space.moveTo(point);
        }
    }

    void leave() {
        if (moved) {
            space.moveTo(theta);
            moved = false;
        }
    }
}
