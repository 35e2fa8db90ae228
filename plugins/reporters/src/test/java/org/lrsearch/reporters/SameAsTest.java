package org.lrsearch.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row that repeats an earlier row run for run names it. */
class SameAsTest {
    @Test
    void onlyAnEarlierRowOfTheSameGroupWithTheSameRunsIsNamed() {
        List<String> flags = SameAs.flags(List.of("b2", "b2", "b2", "b4", "b2"),
                List.of("1=0.5;", "1=0.5;", "1=0.6;", "1=0.5;", ""), List.of("0.01", "H1", "0.1", "H2", "H3"));
        // H1 repeats 0.01; 0.1 differs; H2 has the same runs but in another group; H3 has no run.
        assertThat(flags).containsExactly("", "0.01", "", "", "");
    }

    @Test
    void table1FlagsTheCopyAndExplainsTheMark() throws IOException {
        String html = HtmlReporter.renderTable1(RankingTest.withACopyOfH1());
        assertThat(html).contains("H2 <span class=\"same\">= H1</span>").contains("\"= X\" after a setting");
        assertThat(HtmlReporter.renderTable1(StubResults.results("H1"))).doesNotContain("class=\"same\"");
    }
}
