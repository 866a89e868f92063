package org.hpcusage.core.report.output;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellFormatTest {

    private static String f(Object value, String spec) {
        return CellFormat.format(value, spec);
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        // 0.25 = 1/4 is exact in binary, so it is a true tie between 0.2 and 0.3; half-even
        // picks the even digit: 0.2 (Java's String.format would round half-up to 0.3).
        assertEquals("0.2", f(0.25, ".1f"));
        // 0.35 is stored as 0.34999999999999997779553950749686919152736663818359375, below the
        // tie, so it rounds down to 0.3 although the decimal literal looks like a tie.
        assertEquals("0.3", f(0.35, ".1f"));
        // 0.45 is stored as 0.450000000000000011102230246251565404236316680908203125, above the
        // tie, so 0.5.
        assertEquals("0.5", f(0.45, ".1f"));
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875: 2.67.
        assertEquals("2.67", f(2.675, ".2f"));
        // 0.125 = 1/8 and 0.375 = 3/8 are exact ties: to the even hundredth, 0.12 and 0.38.
        assertEquals("0.12", f(0.125, ".2f"));
        assertEquals("0.38", f(0.375, ".2f"));
        // .0f: 0.5 and 2.5 are ties (to 0 and 2, even), 1.5 goes to 2.
        assertEquals("0", f(0.5, ".0f"));
        assertEquals("2", f(1.5, ".0f"));
        assertEquals("2", f(2.5, ".0f"));
        // 5e-05 is stored slightly above 0.00005 and 0.00015 slightly below 0.00015 (checked
        // with Python: format(5e-05, '.4f') == '0.0001', format(0.00015, '.4f') == '0.0001').
        assertEquals("0.0001", f(0.00005, ".4f"));
        assertEquals("0.0001", f(0.00015, ".4f"));
        assertEquals("1.00", f(1.005, ".2f")); // 1.00499999999999989...
        // -1.25 is an exact tie: -1.2 (half-even on the magnitude, sign kept).
        assertEquals("-1.2", f(-1.25, ".1f"));
    }

    @Test
    void fixedMatchesPythonOnOrdinaryAndLargeValues() {
        assertEquals("202929.2", f(202929.1834, ".1f"));
        assertEquals("1234.5678", f(1234.5678, ".4f"));
        assertEquals("0.0000", f(1e-5, ".4f"));
        assertEquals("123456789012.35", f(123456789012.345, ".2f")); // beyond the fast path
        assertEquals("100000000000000000000.0", f(1e20, ".1f"));
        assertEquals("0.000000", f(0.0, "f")); // default precision 6
    }

    @Test
    void fixedKeepsTheSignOfNegativeZeroLikePython() {
        assertEquals("-0.0", f(-0.04, ".1f"));
        assertEquals("-0.0", f(-0.0, ".1f"));
        assertEquals("0.0", f(-0.04, "z.1f")); // z coerces negative zero
        assertEquals("-0.0", f(new BigDecimal("-0.04"), ".1f"));
    }

    @Test
    void fixedOnOtherNumberTypes() {
        // BigDecimal rounds its own decimal value half-even, like Python's Decimal:
        // Decimal('0.25') is a tie -> 0.2; Decimal('0.35') is a tie too -> 0.4 (4 is even).
        assertEquals("0.2", f(new BigDecimal("0.25"), ".1f"));
        assertEquals("0.4", f(new BigDecimal("0.35"), ".1f"));
        assertEquals("12.00", f(new BigDecimal("12"), ".2f"));
        // Integers are converted to float as Python does.
        assertEquals("5.0", f(5, ".1f"));
        assertEquals("231.0", f(231L, ".1f"));
        assertEquals("1.0", f(true, ".1f"));
        assertEquals("2.5", f(2.5f, ".1f"));
        assertEquals("nan", f(Double.NaN, ".1f"));
        assertEquals("-inf", f(Double.NEGATIVE_INFINITY, ".2f"));
        assertEquals("INF", f(Double.POSITIVE_INFINITY, "F"));
    }

    @Test
    void fixedFallsBackToThePlainStringForNonNumbers() {
        assertEquals("abc", f("abc", ".1f"));
        assertEquals("2026-01-01", f(LocalDate.of(2026, 1, 1), ".1f"));
        assertEquals("2026-01-15 12:30:45", f(Instant.parse("2026-01-15T12:30:45Z"), ".2f"));
    }

    @Test
    void fastPathAgreesWithBigDecimalOnRandomValuesAndTies() {
        SplittableRandom random = new SplittableRandom(20260101);
        for (int i = 0; i < 200_000; i++) {
            int digits = random.nextInt(5);
            double magnitude = Math.pow(10, random.nextInt(-6, 10));
            double value = random.nextDouble() * magnitude;
            if (i % 4 == 0) {
                // exact and near ties: k + 0.5 units of the last place, +- a few ulps
                long k = random.nextLong(1_000_000);
                value = (k + 0.5) / Math.pow(10, digits);
                value = Math.nextAfter(value, random.nextBoolean() ? 1 : -1);
                if (random.nextBoolean()) {
                    value = (k + 0.5) / Math.pow(10, digits);
                }
            }
            double v = value;
            String expected = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            String fast = CellFormat.fastFixed(v, digits);
            if (fast != null) {
                assertEquals(expected, fast, () -> "fast path for " + v);
            }
            assertEquals(expected, f(v, "." + digits + "f"), () -> "format of " + v);
        }
    }

    @Test
    void integerSpec() {
        assertEquals("231", f(231, "d"));
        assertEquals("-17", f(-17L, "d"));
        assertEquals("123456789012345678901234567890", f(new BigInteger("123456789012345678901234567890"), "d"));
        // Deviation from Python (which raises for floats): integral doubles print as integers...
        assertEquals("12", f(12.0, "d"));
        assertEquals("0", f(-0.0, "d"));
        assertEquals("100000000000000000000", f(1e20, "d"));
        assertEquals("12", f(new BigDecimal("12.000"), "d"));
        assertEquals("0", f(new BigDecimal("0.00"), "d"));
        // ...non-integral ones fall back to the plain string form.
        assertEquals("12.5", f(12.5, "d"));
        assertEquals("12.50", f(new BigDecimal("12.50"), "d"));
        assertEquals("nan", f(Double.NaN, "d"));
        assertEquals("1", f(true, "d"));
        assertEquals("abc", f("abc", "d"));
    }

    @Test
    void plainAndStringSpecs() {
        for (String spec : new String[] {"", "s", null}) {
            assertEquals("UNIV", f("UNIV", spec));
            assertEquals("12.0", f(12.0, spec));
            assertEquals("0.1", f(0.1, spec));
            assertEquals("1e-05", f(1e-5, spec));
            assertEquals("231", f(231, spec));
            assertEquals("12.50", f(new BigDecimal("12.50"), spec));
            assertEquals("1E-7", f(new BigDecimal("1E-7"), spec)); // as Python's str(Decimal)
            assertEquals("2026-01-01", f(LocalDate.of(2026, 1, 1), spec));
            assertEquals("2026-01-15 12:30:45", f(Instant.parse("2026-01-15T12:30:45.987Z"), spec));
            assertEquals("2026-01-15 02:03:04", f(LocalDateTime.of(2026, 1, 15, 2, 3, 4), spec));
            assertEquals("True", f(true, spec));
            assertEquals("0.1", f(0.1f, spec));
        }
    }

    @Test
    void plainTemporalValuesAreNaiveUtcWithSeconds() {
        assertEquals("2026-01-15 10:30:45",
                CellFormat.plain(java.time.OffsetDateTime.parse("2026-01-15T12:30:45.250+02:00")));
        assertEquals("2026-01-15 00:00:00", CellFormat.plain(LocalDateTime.of(2026, 1, 15, 0, 0)));
        assertEquals("+10000-01-01 00:00:00", CellFormat.plain(LocalDateTime.of(10000, 1, 1, 0, 0)));
        assertEquals("0999-12-31 23:59:59", CellFormat.plain(Instant.parse("0999-12-31T23:59:59Z")));
    }

    @Test
    void nullIsEmptyForEverySpec() {
        for (String spec : new String[] {"", "s", "d", ".1f", ".2f", ".4f", ">10", "bogus"}) {
            assertEquals("", f(null, spec), spec);
        }
    }

    @Test
    void invalidOrUnsupportedSpecsFallBackToThePlainString() {
        assertEquals("12.5", f(12.5, "bogus"));
        assertEquals("12.5", f(12.5, ".f"));     // missing precision
        assertEquals("12.5", f(12.5, ".2e"));    // e not implemented
        assertEquals("255", f(255, "x"));        // x not implemented
        assertEquals("12", f(12, ".2d"));        // precision not allowed with d
        assertEquals("ab", f("ab", "+s"));       // sign not allowed with s
        assertEquals("ab", f("ab", ",s"));
        assertEquals("12.3456", f(12.3456, ".3")); // precision without type on a float (Python: 12.3)
    }

    @Test
    void widthAlignmentSignAndGrouping() {
        assertEquals("  231", f(231, "5d"));
        assertEquals("231  ", f(231, "<5d"));
        assertEquals("-0003", f(-3, "+05d"));
        assertEquals("+3", f(3, "+d"));
        assertEquals(" 3", f(3, " d"));
        assertEquals("1,234,567.89", f(1234567.891, ",.2f"));
        assertEquals("1_234_567", f(1234567, "_d"));
        assertEquals("-1,234", f(-1234, ","));
        assertEquals("  ab  |", f("ab", "^6s") + "|");
        assertEquals("ab***", f("ab", "*<5"));
        assertEquals("abc", f("abcdef", ".3s"));
        assertEquals("   12.0", f(12.0, "7"));
        assertEquals("50.000000%", f(0.5, "%"));
        assertEquals("50%", f(0.5, ".0%"));
        assertEquals("2.", f(2.0, "#.0f"));
        assertEquals("12.5", f(12.5, "3s"));     // s on a number: plain string, no padding
    }

    @Test
    void commonSpecsAreShared() {
        assertSame(CellFormat.of(".1f"), CellFormat.of(".1f"));
        assertTrue(CellFormat.of(".1f").isNumeric());
        assertTrue(CellFormat.of("d").isNumeric());
        assertFalse(CellFormat.of("s").isNumeric());
        assertFalse(CellFormat.of("").isNumeric());
        assertFalse(CellFormat.of(".2e").isNumeric());
        assertEquals(".4f", CellFormat.of(".4f").spec());
    }
}
