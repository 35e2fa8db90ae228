package org.lrsearch.runner.execute;

import org.lrsearch.api.Model;
import org.lrsearch.api.Optimizer;

/**
 * Moves the model to its optimizer's evaluation point (Schedule-Free's x) for test and training
 * accuracy and the final training loss, and back to the training point θ afterwards; does nothing for
 * an optimizer that evaluates at θ (every other one). Training (g, trials, the divergence guard)
 * never sees the evaluation point.
 */
final class EvaluationPoint {
    private final Model model;
    private final Optimizer optimizer;
    private double[] theta;
    private double[] point;
    private boolean moved;

    EvaluationPoint(Model model, Optimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    void enter() {
        if (optimizer == null || optimizer.plainSgd()) {
            return;
        }
        if (theta == null) {
            theta = new double[model.parameterCount()];
            point = new double[model.parameterCount()];
        }
        model.copyParameters(theta);
        moved = optimizer.evaluationPoint(theta, point);
        if (moved) {
            model.moveTo(point);
        }
    }

    void leave() {
        if (moved) {
            model.moveTo(theta);
            moved = false;
        }
    }
}
