package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {
    @Test
    void aValueThatRoundsToZeroHasNoSign() {
        assertThat(NumberText.fixed(-0.00001, 4)).isEqualTo("0.0000");
        assertThat(NumberText.fixed(-0.0, 4)).isEqualTo("0.0000");
        assertThat(NumberText.signed(-0.00004, 4)).isEqualTo("0.0000");
        assertThat(NumberText.signed(0.00004, 4)).isEqualTo("0.0000");
    }

    @Test
    void otherValuesKeepTheirSign() {
        assertThat(NumberText.fixed(-0.00006, 4)).isEqualTo("-0.0001");
        assertThat(NumberText.signed(0.0123, 4)).isEqualTo("+0.0123");
        assertThat(NumberText.signed(-0.0123, 4)).isEqualTo("-0.0123");
        assertThat(NumberText.signed(-10.5, 1)).isEqualTo("-10.5");
    }

    @Test
    void decimalsUseAPointWhateverTheLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(NumberText.fixed(0.5, 2)).isEqualTo("0.50");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
