package org.lrsearch.reporters;

import java.math.BigDecimal;

/** Number formatting for output files: plain decimals with '.', whatever the default locale. */
public final class NumberText {
    private NumberText() {
    }

    /** The shortest decimal that reads back as {@code v}, never in exponent form; empty for NaN. */
    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        String s = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** {@code v} with {@code digits} decimals, '.' as separator; empty for NaN. */
    public static String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
    }
}
