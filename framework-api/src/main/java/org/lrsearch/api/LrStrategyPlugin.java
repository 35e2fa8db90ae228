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
}
