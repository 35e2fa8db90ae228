package org.lrsearch.runner.execute;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.api.Model;

/**
 * The loss on each iteration's minibatch right after its update (before a range test's restore), the
 * golden traces' {@code lossAfter}, from a second instance of the same model that replays the committed
 * rates. The model under test is never asked anything a real run does not ask, so every number it gives
 * comes from the code {@code lrsearch run} uses; its final state is checked against the trace directly.
 */
final class Replay {
    private final Model shadow;
    private LinkedHashMap<String, double[]> rangeStart;
    /** Iteration → loss on its minibatch after its update. */
    final Map<Integer, Double> lossAfter = new HashMap<>();

    Replay(Model shadow) {
        this.shadow = shadow;
    }

    /** Replays one finished iteration of the model under test. */
    void iteration(Trainer.IterationRecord r, int[] batch) {
        if (rangeStart == null && "rangeTest".equals(r.phase())) {
            rangeStart = shadow.tensors();
        }
        shadow.gradient(batch);
        if (!Double.isNaN(r.lr())) {
            shadow.commit(r.lr());
        }
        lossAfter.put(r.iteration(), shadow.gradient(batch));
        boolean restored = r.events().stream().anyMatch(e -> e.type().equals("rangeTestDone")
                && Boolean.TRUE.equals(e.payload().get("restored")));
        if (restored) {
            shadow.setTensors(rangeStart);
        }
    }
}
