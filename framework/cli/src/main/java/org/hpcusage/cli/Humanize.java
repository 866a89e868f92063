package org.hpcusage.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reference TUI's number format (slurm-scoreboard.md §6.6): G/M/k with two decimals from a
 * thousand up, otherwise three decimals with trailing zeros and dot dropped; negatives are never
 * abbreviated. BigDecimal of the exact binary value with HALF_EVEN is what Python's %.2f does.
 */
final class Humanize {
    private Humanize() {
    }

    static String of(double v) {
        if (v >= 1e9) {
            return fixed(v / 1e9, 2) + "G";
        }
        if (v >= 1e6) {
            return fixed(v / 1e6, 2) + "M";
        }
        if (v >= 1e3) {
            return fixed(v / 1e3, 2) + "k";
        }
        String s = fixed(v, 3);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
