package org.lrsearch.runner.plan;

import java.util.Map;
import org.lrsearch.api.DatasetPlugin;
import org.lrsearch.api.ModelPlugin;
import org.lrsearch.api.RunSpec;
import org.lrsearch.api.TaskRequest;
import org.lrsearch.runner.plugins.BoundPlugin;

/**
 * One run of the expanded grid, with everything needed to build it already validated.
 *
 * @param order        position in grid order (reports list runs in this order)
 * @param spec         the run's identity, labels and coordinates
 * @param dataset      the dataset plugin with its options
 * @param request      shots, selection and seed
 * @param model        the model plugin with its options
 * @param strategyKey  where the strategy spec sits in config ({@code strategies.H1})
 * @param strategySpec the normalised strategy spec ({@code plugin} plus options, nested specs included)
 * @param optimizerKey  where the optimizer spec sits in config ({@code optimizers.adam}), or {@code optimizer}
 *                      for the default plain SGD of a config that names none
 * @param optimizerSpec the normalised optimizer spec
 * @param training     iterations, batch size, evaluation interval, sampling, divergence guard
 */
public record PlannedRun(int order, RunSpec spec, BoundPlugin<DatasetPlugin<?>> dataset, TaskRequest request,
                         BoundPlugin<ModelPlugin<?>> model, String strategyKey, Map<String, Object> strategySpec,
                         String optimizerKey, Map<String, Object> optimizerSpec, TrainingSettings training) {
    /**
     * The run's resolved config, as hashed into its run id: built again from the parts above when asked,
     * so that a plan of 300,000 runs holds no config tree per run.
     */
    public Map<String, Object> resolved() {
        return RunResolver.resolved(this);
    }
}
