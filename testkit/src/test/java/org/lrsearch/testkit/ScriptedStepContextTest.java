package org.lrsearch.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lrsearch.api.Snapshot;

class ScriptedStepContextTest {
    @Test
    void parameterQueriesFollowTheScriptedParametersAndCommits() {
        ScriptedStepContext c = new ScriptedStepContext().parameters(3, 4).gradient(1, 2);
        c.next(0, 1.0);
        assertThat(c.parameterNormSq()).isEqualTo(25.0);
        Snapshot theta0 = c.parameterSnapshot(), g0 = c.gradientSnapshot();
        c.commit(0.5); // θ = (2.5, 3)
        c.next(1, 1.0);
        // ⟨θ1 − θ0, g0⟩ = ⟨(−0.5, −1), (1, 2)⟩ = −2.5 = −η‖g0‖².
        assertThat(c.displacementDotGradient(theta0, g0)).isEqualTo(-2.5);
        assertThat(c.parameterNormSq()).isEqualTo(15.25);
    }
}
