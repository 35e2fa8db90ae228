package org.lrsearch.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoresTest {
    @Test
    void aRunInFlightTakesACoreUntilItEndsAndOnlyOnce() {
        int before = Cores.idle();
        int cores = Runtime.getRuntime().availableProcessors();
        Cores.Running run = Cores.running();
        assertThat(Cores.idle()).isEqualTo(Math.max(0, before - 1));
        run.close();
        run.close();
        assertThat(Cores.idle()).isEqualTo(before);
        java.util.List<Cores.Running> many = new java.util.ArrayList<>();
        for (int i = 0; i <= cores; i++) {
            many.add(Cores.running());
        }
        assertThat(Cores.idle()).isZero();
        many.forEach(Cores.Running::close);
        assertThat(Cores.idle()).isEqualTo(before);
    }
}
