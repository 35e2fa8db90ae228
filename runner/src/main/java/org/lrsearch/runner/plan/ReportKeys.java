package org.lrsearch.runner.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrsearch.runner.config.ComposedConfig;
import org.lrsearch.runner.config.Mappers;

/**
 * The report's keys for costs to a target and performance profiles: {@code report.target} with
 * {@code fraction} (of each setting's best mean final accuracy, default 0.95) or an absolute
 * {@code accuracy}, and {@code report.profileMax}, the largest cost ratio a profile looks at (4).
 */
final class ReportKeys {
    private ReportKeys() {
    }

    static Object profileOption(ComposedConfig config, String key, Object value) {
        if (key.equals("report.profileMax")) {
            if (!(value instanceof Number n) || !(n.doubleValue() > 1) || Double.isInfinite(n.doubleValue())) {
                throw config.error(key, value, "must be a number > 1 (the largest cost ratio the profiles show; 4 by default)");
            }
            return n.doubleValue();
        }
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
            throw config.error(key, value, "must be {fraction: F} (of each setting's best mean accuracy, 0.95 by default)"
                    + " or {accuracy: A}");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : Mappers.map(m).entrySet()) {
            String k = key + "." + e.getKey();
            if (!e.getKey().equals("fraction") && !e.getKey().equals("accuracy")) {
                throw config.error(k, e.getValue(), "unknown key; valid keys: fraction, accuracy");
            }
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() <= 1)) {
                throw config.error(k, e.getValue(), "must be a number in (0, 1]");
            }
            out.put(e.getKey(), n.doubleValue());
        }
        return out;
    }
}
