package org.lrsearch.net;

import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;

/** The {@code two-layer-net} model plugin: the paper's network (ALGORITHM.md §1). */
public final class TwoLayerNetPlugin implements ModelPlugin<TwoLayerNetOptions> {

    @Override
    public String id() {
        return "two-layer-net";
    }

    @Override
    public String description() {
        return "784→h sigmoid→10 softmax network, cross-entropy loss, N(0, 0.01²) weights (the paper's model)";
    }

    @Override
    public Class<TwoLayerNetOptions> optionsType() {
        return TwoLayerNetOptions.class;
    }

    @Override
    public Model create(TwoLayerNetOptions options, FewShotTask task) {
        // The ND4J class is referenced only on this branch, so its native libraries load only when asked for.
        TestEvaluator evaluator = "nd4j".equals(options.evaluator()) ? new Nd4jEvaluator() : new JvmEvaluator();
        return new TwoLayerNet(task, options.hidden(), options.initStd(), evaluator,
                "incremental".equals(options.evaluator()));
    }
}
