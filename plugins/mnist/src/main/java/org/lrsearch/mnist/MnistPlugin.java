package org.lrsearch.mnist;

import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.TaskRequest;

/** The {@code mnist} dataset: k-shot subsets of the 60,000 MNIST training images, all 10,000 test images. */
public final class MnistPlugin implements DatasetPlugin<MnistOptions> {

    @Override
    public String id() {
        return "mnist";
    }

    @Override
    public String description() {
        return "MNIST digits: k images per class for training, the 10,000 test images for evaluation";
    }

    @Override
    public Class<MnistOptions> optionsType() {
        return MnistOptions.class;
    }

    @Override
    public void prepare(MnistOptions options) {
        MnistData.get(options);
    }

    @Override
    public java.util.Optional<String> missingData(MnistOptions options) {
        return MnistFiles.of(options).missing();
    }

    @Override
    public FewShotTask load(MnistOptions options, TaskRequest request) {
        return MnistData.get(options).task(request);
    }
}
