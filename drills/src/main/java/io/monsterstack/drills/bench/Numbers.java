package io.monsterstack.drills.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Rounding and the way the report writes numbers: 0.67, 1.0, 12,345 req/s, a limit of 0.5 or 1. */
final class Numbers {

    private Numbers() {
    }

    static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A decimal as written: "0.034", "1.0", never in E notation. */
    static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** The shortest form: "0.5", "1", "6". */
    static String shortest(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** With thousands separators and no decimals: "12,345". */
    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** With one decimal: "12.0". */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
