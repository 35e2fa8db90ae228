package org.lrsearch.reporters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Table rows that repeat an earlier row of their group exactly, named by that row's label. */
final class SameAs {
    private SameAs() {
    }

    /**
     * @param groups     per row, the group it is compared within (rows of other groups never match)
     * @param signatures per row, everything it shows, run for run; empty when it has no run
     * @param labels     per row, the label a later identical row names
     * @return per row, the label of the first earlier row of its group with the same signature, or ""
     */
    static List<String> flags(List<String> groups, List<String> signatures, List<String> labels) {
        Map<String, String> first = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (signatures.get(i).isEmpty()) {
                out.add("");
                continue;
            }
            String key = groups.get(i) + "\u0000" + signatures.get(i);
            String earlier = first.putIfAbsent(key, labels.get(i));
            out.add(earlier == null ? "" : earlier);
        }
        return out;
    }
}
