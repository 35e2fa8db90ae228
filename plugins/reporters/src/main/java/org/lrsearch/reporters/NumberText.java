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
        return unsignedZero(String.format(java.util.Locale.ROOT, "%." + digits + "f", v));
    }

    /** Like {@link #fixed} with an explicit sign, except a value that rounds to zero, which has none. */
    public static String signed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "";
        }
        return unsignedZero(String.format(java.util.Locale.ROOT, "%+." + digits + "f", v));
    }

    // "-0.0000" and "+0.0000" claim a direction the rounded number does not have.
    private static String unsignedZero(String s) {
        return (s.startsWith("-") || s.startsWith("+")) && s.chars().skip(1).allMatch(c -> c == '0' || c == '.')
                ? s.substring(1) : s;
    }
}
