package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.Snapshot;
import org.junit.jupiter.api.Test;
import org.lrsearch.runner.plugins.Registry;
import org.lrsearch.runner.testplugins.BundledPlugins;

/**
 * The step context's ⟨θ_t − θ_{t−1}, g_{t−1}⟩ (a Barzilai–Borwein step's numerator) through the real
 * two-layer net: after an SGD step at rate η it is −η·‖g_{t−1}‖², which the context computes another way
 * (through the Gram matrix).
 */
class DisplacementDotTest {
    @Test
    void aParameterDisplacementDottedWithAKeptGradientIsMinusEtaTimesItsNormAfterAnSgdStep() {
        Golden g = Golden.load("strategies/sps-max");
        FewShotTask task = g.task();
        ModelPlugin<?> net = (ModelPlugin<?>) BundledPlugins.registry().plugins(Registry.Kind.MODEL).get("two-layer-net");
        double eta = 0.1;
        List<double[]> measured = new ArrayList<>(); // {⟨θ_t − θ_{t−1}, g_{t−1}⟩, −η·‖g_{t−1}‖²}
        Snapshot[] previous = new Snapshot[2];
        double[] previousNormSq = new double[1];
        RunSpec spec = new RunSpec("dd", "golden", "two-layer-net", 2, 0, "first", "bb", "test", 0, 30, 30,
                Map.of("model.hidden", g.hidden()), List.of());
        new Trainer(spec, g.model(net, task, "incremental"), ctx -> {
            if (previous[0] != null) {
                measured.add(new double[] {ctx.displacementDotGradient(previous[0], previous[1]), -eta * previousNormSq[0]});
            }
            previous[0] = ctx.parameterSnapshot();
            previous[1] = ctx.gradientSnapshot();
            previousNormSq[0] = ctx.gradNormSq();
            ctx.commit(eta);
        }, task.train().count(), g::batch, Double.MAX_VALUE, null, () -> false).run();
        assertThat(measured).hasSize(29).allSatisfy(m -> assertThat(m[0]).isCloseTo(m[1], within(1e-12 * Math.abs(m[1]))));
    }
}
