package org.lrsearch.api;

/**
 * Makes a fresh {@link Optimizer}, with its state S₀, for each run: the fifth plugin kind, named in a
 * config's {@code optimizers:} section as strategies are under {@code strategies:}.
 *
 * @since 0.3
 */
public interface OptimizerPlugin<O extends Record> extends Plugin<O> {

    /** @param options the validated options */
    Optimizer create(O options);
}
