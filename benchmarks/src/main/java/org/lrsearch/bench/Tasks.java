package org.lrsearch.bench;

import java.util.Map;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.OptionDefaults;
import org.lrsearch.api.Selection;
import org.lrsearch.api.TaskRequest;
import org.lrsearch.mnist.MnistOptions;
import org.lrsearch.mnist.MnistPlugin;
import org.lrsearch.net.TwoLayerNetOptions;
import org.lrsearch.net.TwoLayerNetPlugin;

/** Real k-shot MNIST tasks and models for the benchmarks, built through the plugins as a run builds them. */
final class Tasks {
    private Tasks() {
    }

    static FewShotTask mnist(int shots) {
        return new MnistPlugin().load(MnistOptions.defaults(), new TaskRequest(shots, Selection.FIRST, 0));
    }

    static Model model(FewShotTask task, int hidden, String evaluator) {
        Model m = new TwoLayerNetPlugin().create(OptionDefaults.create(TwoLayerNetOptions.class,
                Map.of("hidden", hidden, "evaluator", evaluator)), task);
        m.initialize(0);
        return m;
    }

    /** 1,024 minibatches of {@code batch} rows drawn uniformly from {@code n}, the same every trial. */
    static int[][] batches(int n, int batch) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        int[][] batches = new int[1024][batch];
        for (int[] b : batches) {
            for (int i = 0; i < batch; i++) {
                b[i] = r.nextInt(n);
            }
        }
        return batches;
    }
}
