package org.hpcusage.core.report.output;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonFloatsTest {

    @Test
    void reprMatchesPython() {
        // Expected strings printed by Python 3: print(repr(v)).
        Object[][] cases = {
            {"5e-324", 5e-324},                          // JDK 17 prints 4.9E-324
            {"1e-323", 1e-323},
            {"2.8893578977051325e+25", 2.8893578977051325e25}, // JDK 17: 2.8893578977051324E25
            {"2.5e-323", 2.5e-323},
            {"2.225073858507201e-308", 2.225073858507201e-308},
            {"1.7976931348623157e+308", 1.7976931348623157e+308},
            {"2.2250738585072014e-308", 2.2250738585072014e-308},
            {"0.1", 0.1},
            {"0.3333333333333333", 1.0 / 3},
            {"0.6666666666666666", 2.0 / 3},
            {"1e+22", 1e22},
            {"1e+23", 1e23},
            {"9007199254740994.0", 9007199254740994.0},
            {"123456789.123", 123456789.123},
            {"0.0001", 0.0001},
            {"9.999999999999999e-05", 9.999999999999999e-05},
            {"1000000000000000.0", 1e15},
            {"9999999999999998.0", 9999999999999998.0},
            {"1e+16", 1e16},
            {"4.35", 4.35},
            {"100.0", 100.0},
            {"8.41e+21", 8.41e21},                       // JDK 17 prints 8.409999999999999E21
            {"2.82879384806159e+17", 2.82879384806159e17}, // JDK 17 prints 2.82879384806159008E17
            {"202929.2", 202929.2},
            {"1.5e-07", 1.5e-07},
            {"-2.5e-05", -2.5e-05},
            {"12345678901234.5", 12345678901234.5},
            {"0.30000000000000004", 0.1 + 0.2},
            {"12.0", 12.0},
            {"-0.0", -0.0},
            {"0.0", 0.0},
            {"nan", Double.NaN},
            {"inf", Double.POSITIVE_INFINITY},
            {"-inf", Double.NEGATIVE_INFINITY},
        };
        for (Object[] c : cases) {
            assertEquals(c[0], PythonFloats.repr((Double) c[1]), () -> "repr of " + c[1]);
            assertEquals(c[0], PythonFloats.repr((Double) c[1], true), () -> "verified repr of " + c[1]);
        }
    }

    @Test
    void reprIsTheShortestRoundTripOnRandomDoubles() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double d;
            switch (i % 4) {
                case 0:
                    d = Double.longBitsToDouble(random.nextLong());
                    break;
                case 1: // subnormals, where JDK 17's Double.toString is often not the shortest
                    d = Double.longBitsToDouble(random.nextLong(1L << 52));
                    break;
                case 2: // short decimals such as report values
                    d = random.nextInt(10_000_000) / Math.pow(10, random.nextInt(8));
                    break;
                default:
                    d = random.nextDouble() * Math.pow(10, random.nextInt(-8, 20));
                    break;
            }
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            BigDecimal shortest = shortest(Math.abs(d));
            check(d, PythonFloats.repr(d), shortest);
            check(d, PythonFloats.repr(d, true), shortest);
        }
    }

    private static void check(double d, String repr, BigDecimal shortest) {
        assertEquals(d, Double.parseDouble(repr), repr);
        BigDecimal actual = new BigDecimal(repr.startsWith("-") ? repr.substring(1) : repr);
        assertEquals(0, shortest.compareTo(actual), () -> "repr of " + d + " is " + repr + ", shortest " + shortest);
    }

    private static final MathContext[] PRECISION = new MathContext[18];

    static {
        for (int p = 1; p <= 17; p++) {
            PRECISION[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    /** Closest among the shortest decimals that read back as {@code abs}. */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p <= 17; p++) {
            BigDecimal rounded = exact.round(PRECISION[p]);
            if (rounded.doubleValue() == abs) {
                return rounded;
            }
        }
        throw new AssertionError();
    }
}
