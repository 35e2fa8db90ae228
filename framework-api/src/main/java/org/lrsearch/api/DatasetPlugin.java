package org.lrsearch.api;

/**
 * Supplies few-shot tasks. Implementations parse their files once per process and hand every run
 * the same read-only test set; only the k-shot subset is built per run.
 *
 * @since 0.1
 */
public interface DatasetPlugin<O extends Record> extends Plugin<O> {

    /**
     * Builds the task a run trains on.
     *
     * @throws DataException when the data is missing, corrupt or cannot be acquired
     * @throws InvalidOptionException when the request cannot be met (more shots than a class has)
     */
    FewShotTask load(O options, TaskRequest request);

    /** Makes sure the data is present and verified, acquiring it when missing. */
    default void prepare(O options) {
    }

    /**
     * Empty when the data is present locally; otherwise a sentence saying what is missing and what
     * {@link #prepare} would fetch. Fetches nothing and runs nothing: {@code lrsearch validate}
     * calls it so that checking a config never acquires data.
     */
    default java.util.Optional<String> missingData(O options) {
        return java.util.Optional.empty();
    }
}
