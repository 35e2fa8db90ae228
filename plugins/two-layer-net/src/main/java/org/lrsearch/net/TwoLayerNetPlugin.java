package org.lrsearch.net;

import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;

/** The {@code two-layer-net} model plugin: the paper's network (docs/METHOD.md §1). */
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
        DenseEvaluator dense = DenseEvaluators.all().get(options.evaluator());
        TestEvaluator evaluator = dense != null ? DenseEvaluators.adapt(dense) : new JvmEvaluator();
        return new TwoLayerNet(task, options.hidden(), options.initStd(), evaluator,
                "incremental".equals(options.evaluator()));
    }
}
