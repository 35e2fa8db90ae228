package org.lrsearch.api;

/**
 * A few-shot classification task: a small training set and a full test set.
 *
 * @param name          dataset id plus what makes this task distinct, for logs
 * @param train         the k-shot training set
 * @param test          the test set (shared, read-only)
 * @param classes       number of classes
 * @param sourceIndices index of each training example in the dataset's full training file
 *
 * @since 0.1
 */
public record FewShotTask(String name, Samples train, Samples test, int classes, int[] sourceIndices) {
    public FewShotTask {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("train and test differ in feature count");
        }
    }
}
