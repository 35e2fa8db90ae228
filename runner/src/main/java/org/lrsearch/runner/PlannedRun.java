package org.lrsearch.runner;

import java.util.Map;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.TaskRequest;

/**
 * One run of the expanded grid, with everything needed to build it already validated.
 *
 * @param order          position in grid order (reports list runs in this order)
 * @param spec           the run's identity and labels
 * @param dataset        the dataset plugin
 * @param datasetOptions its bound options
 * @param request        shots, selection and seed
 * @param model          the model plugin
 * @param modelOptions   its bound options
 * @param strategyKey    where the strategy spec sits in config ({@code strategies.H1})
 * @param strategySpec   the strategy spec ({@code plugin} plus options)
 * @param training       iterations, batch size, evaluation interval
 * @param resolved       the run's resolved config, as hashed into its run id
 */
public record PlannedRun(int order, RunSpec spec, DatasetPlugin<?> dataset, Record datasetOptions, TaskRequest request,
                         ModelPlugin<?> model, Record modelOptions, String strategyKey, Map<String, Object> strategySpec,
                         TrainingSettings training, Map<String, Object> resolved) {
}
