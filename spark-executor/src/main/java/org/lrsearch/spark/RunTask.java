package org.lrsearch.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.lrsearch.runner.execute.PortablePlan;
import org.lrsearch.runner.store.ResultCodec;

/**
 * A Spark task's work: the run at one plan position, executed in the executor JVM with the plugins
 * its task class loader sees (the application's jars and those shipped from {@code --plugins}), and
 * its result encoded for the trip back to the driver. The plan is rebuilt once per executor JVM.
 */
final class RunTask implements Function<Integer, byte[]> {
    private static final long serialVersionUID = 1L;
    private final PortablePlan plan;

    RunTask(PortablePlan plan) {
        this.plan = plan;
    }

    @Override
    public byte[] call(Integer position) {
        TaskContext task = TaskContext.get();
        PortablePlan.Worker worker = plan.worker(Thread.currentThread().getContextClassLoader());
        // A cancelled job interrupts its tasks; the trainer checks this between iterations.
        return ResultCodec.encode(worker.execute(position, () -> task != null && task.isInterrupted()));
    }
}
