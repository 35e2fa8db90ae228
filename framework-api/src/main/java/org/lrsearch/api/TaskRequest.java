package org.lrsearch.api;

/**
 * What a run asks of its dataset plugin.
 *
 * @param shots     images per class in the training set
 * @param selection how they are chosen
 * @param seed      drives {@link Selection#RANDOM}; ignored by {@link Selection#FIRST}
 *
 * @since 0.1
 */
public record TaskRequest(int shots, Selection selection, long seed) {
    public TaskRequest {
        InvalidOptionException.require(shots >= 1, "shots", shots, "must be at least 1");
        java.util.Objects.requireNonNull(selection, "selection");
    }
}
