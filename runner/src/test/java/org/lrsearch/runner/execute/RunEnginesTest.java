package org.lrsearch.runner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lrsearch.runner.config.UsageException;

/** The runner alone knows the local executor; Spark is a module the launcher adds, never a default dependency. */
class RunEnginesTest {
    @Test
    void theLocalExecutorIsBuiltIn() {
        assertThat(RunEngines.find("local")).isInstanceOf(LocalEngine.class);
    }

    @Test
    void sparkIsNotOnTheRunnersClassPath() {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkConf")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> RunEngines.find("spark")).isInstanceOf(UsageException.class)
                .hasMessageContaining("not on the class path").hasMessageContaining("./lrsearch");
    }

    @Test
    void anUnknownExecutorListsTheValidOnes() {
        assertThatThrownBy(() -> RunEngines.find("slurm")).isInstanceOf(UsageException.class)
                .hasMessage("--executor 'slurm': unknown; valid executors here: local (spark through ./lrsearch)");
    }
}
