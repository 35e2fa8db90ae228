/**
 * The lrsearch plugin API: everything a dataset, model, learning-rate strategy, optimizer or reporter plugin
 * needs, and nothing else (no Guice, no tensor library, no I/O).
 *
 * <h2>The plugin kinds</h2>
 * Each kind is a {@link java.util.ServiceLoader} service, registered in
 * {@code META-INF/services/<interface name>} of the plugin's jar, with a stable kebab-case
 * {@link org.lrsearch.api.Plugin#id() id} (stored in results: never rename it), a one-line
 * description, and an options record that validates itself in its compact constructor (throwing
 * {@link org.lrsearch.api.InvalidOptionException}) and documents every field with
 * {@link org.lrsearch.api.Option}.
 * <ul>
 *   <li>{@link org.lrsearch.api.DatasetPlugin}: few-shot tasks (a k-shot training set, a test set);</li>
 *   <li>{@link org.lrsearch.api.ModelPlugin}: a trainable {@link org.lrsearch.api.Model} over a task;</li>
 *   <li>{@link org.lrsearch.api.LrStrategyPlugin}: an {@link org.lrsearch.api.LrStrategy} that decides
 *       each iteration's update through a {@link org.lrsearch.api.StepContext}; a
 *       {@link org.lrsearch.api.BoundedStrategy} can run under a searcher that hands it a bound;</li>
 *   <li>{@link org.lrsearch.api.OptimizerPlugin}: an {@link org.lrsearch.api.Optimizer} that turns each
 *       gradient into the point θ(η) the strategy's rate reaches (plain SGD, θ − η·g, when a config names
 *       none), with state of its own;</li>
 *   <li>{@link org.lrsearch.api.ReporterPlugin}: files from finished results.</li>
 * </ul>
 *
 * <h2>The life of a run</h2>
 * Before any run, the runner binds every options record and lets reporters
 * {@link org.lrsearch.api.ReporterPlugin#check check} what they can. Then, for each run:
 * {@link org.lrsearch.api.DatasetPlugin#load load} the task →
 * {@link org.lrsearch.api.ModelPlugin#create create} the model →
 * {@link org.lrsearch.api.Model#initialize initialize}(seed) →
 * {@link org.lrsearch.api.LrStrategyPlugin#create create} the strategy and
 * {@link org.lrsearch.api.OptimizerPlugin#create create} the optimizer → for each iteration:
 * the runner computes the minibatch gradient (the optimizer forms its map θ(η) before the first trial),
 * then calls
 * {@link org.lrsearch.api.LrStrategy#step step}(context) once, in which the strategy may try rates
 * ({@link org.lrsearch.api.StepContext#trialLoss trialLoss},
 * {@link org.lrsearch.api.StepContext#signChangePercent signChangePercent}) and then
 * {@link org.lrsearch.api.StepContext#commit commit} at most one update; every trial must come before
 * the commit (a trial after it throws {@link java.lang.IllegalStateException}: it would mix this
 * iteration's gradient with moved weights) → test accuracy at the evaluation points →
 * {@link org.lrsearch.api.LrStrategy#results results} and the trace go into a
 * {@link org.lrsearch.api.RunResult}. After all runs, each reporter's
 * {@link org.lrsearch.api.ReporterPlugin#report report} reads the stored results.
 *
 * <h2>Threading</h2>
 * One instance of each plugin serves the whole process and is called from several run threads at
 * once: a plugin must be stateless or thread-safe (a dataset parses its files once and shares them
 * read-only). The objects a plugin creates for a run, a {@link org.lrsearch.api.Model}, an
 * {@link org.lrsearch.api.LrStrategy} and an {@link org.lrsearch.api.Optimizer}, belong to that run alone and are called from one thread, in
 * order; the {@link org.lrsearch.api.StepContext} handed to a strategy is valid only during the
 * {@code step} call it is passed to.
 *
 * <h2>Determinism</h2>
 * The same options and seed must give bit-identical results whatever the thread count: draw random
 * numbers only from seeds derived with {@link org.lrsearch.api.Seeds#derive}, never from shared RNGs
 * or the clock.
 *
 * @since 0.1
 */
package org.lrsearch.api;
