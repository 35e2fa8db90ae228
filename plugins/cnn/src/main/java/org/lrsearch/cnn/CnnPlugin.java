package org.lrsearch.cnn;

import java.util.Arrays;
import org.lrsearch.api.FewShotTask;
import org.lrsearch.api.InvalidOptionException;
import org.lrsearch.api.Model;
import org.lrsearch.api.ModelPlugin;

/** The {@code cnn} model plugin: convolution, pooling and dense layers over an image dataset (docs/CNN.md). */
public final class CnnPlugin implements ModelPlugin<CnnOptions> {
    @Override
    public String id() {
        return "cnn";
    }

    @Override
    public String description() {
        return "small convolutional network: valid convolutions each followed by the activation and 2×2 max-pooling, "
                + "dense layers, softmax cross-entropy; im2col products on ND4J's OpenBLAS (defaults: LeNet-style, 25,010 parameters on MNIST)";
    }

    @Override
    public Class<CnnOptions> optionsType() {
        return CnnOptions.class;
    }

    /**
     * @throws InvalidOptionException when the dataset's samples have no image shape, or a layer would
     *                                shrink its feature map below 1×1
     */
    @Override
    public Model create(CnnOptions options, FewShotTask task) {
        checkFits(options, task);
        return new Cnn(task, options);
    }

    /** The data has an image shape, the same for training and test images, that every layer keeps at 1×1 or more. */
    @Override
    public void checkFits(CnnOptions options, FewShotTask task) {
        int[] shape = task.train().shape();
        if (shape == null) {
            throw new InvalidOptionException("conv", options.conv(), "the dataset of task " + task.name()
                    + " gives no image shape (channels, height, width) for its " + task.train().features()
                    + " features; the cnn model needs an image dataset (mnist, fashion-mnist, idx)");
        }
        if (task.test().shape() != null && !Arrays.equals(shape, task.test().shape())) {
            throw new InvalidOptionException("conv", options.conv(), "training images are " + Arrays.toString(shape)
                    + " but test images " + Arrays.toString(task.test().shape()));
        }
        new CnnLayout(shape, options, task.classes());
    }
}
