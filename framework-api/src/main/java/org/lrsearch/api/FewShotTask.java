package org.lrsearch.api;

/**
 * A few-shot classification task: a small training set and a full test set.
 *
 * @param name          dataset id plus what makes this task distinct, for logs
 * @param train         the k-shot training set
 * @param test          the test set (shared, read-only)
 * @param classes       number of classes
 * @param sourceIndices index of each training example in the dataset's full training file
 * @param validation    V images per class from the training file, disjoint from the k-shot set, the same
 *                      for every strategy of a seed ({@link TaskRequest#validation}); null when none was asked
 *
 * @since 0.1 ({@code validation} 0.3)
 */
public record FewShotTask(String name, Samples train, Samples test, int classes, int[] sourceIndices,
                          Samples validation) {
    public FewShotTask {
        if (train.features() != test.features()) {
            throw new IllegalArgumentException("train and test differ in feature count");
        }
    }

    /** A task without a validation set. */
    public FewShotTask(String name, Samples train, Samples test, int classes, int[] sourceIndices) {
        this(name, train, test, classes, sourceIndices, null);
    }
}
