package org.lrsearch.runner.execute;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.api.LossScope;
import org.lrsearch.api.Model;
import org.lrsearch.api.Optimizer;
import org.lrsearch.api.TraceSink;

/**
 * The loss on each iteration's minibatch right after its update (before a range test's restore), the
 * golden traces' {@code lossAfter}, from a second instance of the same model that replays the committed
 * rates (through a second instance of the run's optimizer, when there is one). The model under test is
 * never asked anything a real run does not ask, so every number it gives comes from the code
 * {@code lrsearch run} uses; its final state is checked against the trace directly.
 */
final class Replay {
    private final Model shadow;
    private final Optimizer optimizer;
    private LinkedHashMap<String, double[]> rangeStart;
    /** Iteration → loss on its minibatch after its update. */
    final Map<Integer, Double> lossAfter = new HashMap<>();
    /** Iteration → loss on its minibatch at the optimizer's evaluation point after its update (Schedule-Free's x). */
    final Map<Integer, Double> evalLossAfter = new HashMap<>();

    Replay(Model shadow) {
        this(shadow, null);
    }

    /** @param optimizer a fresh instance of the run's optimizer, or null for plain SGD */
    Replay(Model shadow, Optimizer optimizer) {
        this.shadow = shadow;
        this.optimizer = optimizer;
    }

    /** Replays one finished iteration of the model under test. */
    void iteration(Trainer.IterationRecord r, int[] batch) {
        if (rangeStart == null && "rangeTest".equals(r.phase())) {
            rangeStart = shadow.tensors();
        }
        shadow.gradient(batch);
        if (!Double.isNaN(r.lr())) {
            if (optimizer == null) {
                shadow.commit(r.lr());
            } else {
                int p = shadow.parameterCount();
                double[] theta = new double[p], g = new double[p], next = new double[p];
                shadow.copyParameters(theta);
                shadow.copyGradient(g);
                optimizer.form(theta, g);
                optimizer.point(r.lr(), next);
                optimizer.commit(r.lr(), TraceSink.NONE);
                shadow.moveTo(next);
            }
        }
        lossAfter.put(r.iteration(), shadow.gradient(batch));
        if (optimizer != null) {
            double[] theta = new double[shadow.parameterCount()], x = new double[theta.length];
            shadow.copyParameters(theta);
            if (optimizer.evaluationPoint(theta, x)) {
                evalLossAfter.put(r.iteration(), shadow.lossAt(x, LossScope.MINIBATCH));
            }
        }
        boolean restored = r.events().stream().anyMatch(e -> e.type().equals("rangeTestDone")
                && Boolean.TRUE.equals(e.payload().get("restored")));
        if (restored) {
            shadow.setTensors(rangeStart);
        }
    }
}
