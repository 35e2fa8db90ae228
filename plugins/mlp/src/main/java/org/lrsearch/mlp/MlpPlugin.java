package org.lrsearch.mlp;

import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;

/** The {@code mlp} model plugin: a multilayer perceptron of any depth on plain arrays. */
public final class MlpPlugin implements ModelPlugin<MlpOptions> {
    @Override
    public String id() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multilayer perceptron: hidden layers of any width, sigmoid/tanh/relu, softmax cross-entropy "
                + "(with layers [h] and sigmoid, the paper's network)";
    }

    @Override
    public Class<MlpOptions> optionsType() {
        return MlpOptions.class;
    }

    @Override
    public Model create(MlpOptions options, FewShotTask task) {
        return new Mlp(task, options);
    }
}
