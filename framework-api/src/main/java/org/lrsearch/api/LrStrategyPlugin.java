package org.lrsearch.api;

/**
 * Makes a fresh, stateful LR strategy for each run.
 *
 * @since 0.1
 */
public interface LrStrategyPlugin<O extends Record> extends Plugin<O> {

    /**
     * @param options    the validated options
     * @param strategies builds nested strategies named in the options
     */
    LrStrategy create(O options, StrategyFactory strategies);

    /**
     * True for a rule derived for θ − η·g alone (Armijo's sufficient decrease, the Polyak step, the
     * hypergradient, D-Adaptation, DoG): a config that gives it an optimizer other than plain SGD is
     * refused before any run (docs/OPTIMIZERS.md, "What composes with what").
     *
     * @since 0.3
     */
    default boolean plainSgdOnly() {
        return false;
    }
}
