package org.lrsearch.api;

/**
 * What a run asks of its dataset plugin.
 *
 * @param shots     images per class in the training set
 * @param selection how they are chosen
 * @param seed       drives {@link Selection#RANDOM} and the validation draw; ignored by {@link Selection#FIRST}
 * @param validation validation images per class, drawn at random from the training file without the k-shot
 *                   ones ({@code dataset.validation}); 0 for none
 *
 * @since 0.1 ({@code validation} 0.3)
 */
public record TaskRequest(int shots, Selection selection, long seed, int validation) {
    public TaskRequest {
        InvalidOptionException.require(shots >= 1, "shots", shots, "must be at least 1");
        InvalidOptionException.require(validation >= 0, "validation", validation, "must be 0 (none) or more");
        java.util.Objects.requireNonNull(selection, "selection");
    }

    /** A request without a validation set. */
    public TaskRequest(int shots, Selection selection, long seed) {
        this(shots, selection, seed, 0);
    }
}
