package org.hpcusage.core.report.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal string that reads back as the same double,
 * in fixed notation when the decimal exponent is in {@code [-4, 16)} ({@code 12.0},
 * {@code 0.0001}, {@code 1000000000000000.0}) and in Python's scientific form otherwise
 * ({@code 1e-05}, {@code 1e+16}, {@code 1.2345678901234568e+17}).
 *
 * <p>The digits come from {@link Double#toString}, which always reads back as the same double
 * and, from JDK 19 on, is the shortest such string closest to the value, exactly Python's choice.
 * JDK 17's version is not always the shortest (JDK-4511638: {@code 4.9E-324} for
 * {@code 5e-324}, {@code 8.409999999999999E21} for {@code 8.41e+21}; about 1.4% of random bit
 * patterns, mostly subnormals) and, rarely, not the closest among 17-digit strings (seen only
 * around 2e25..4e25: {@code 2.8893578977051324E25} where Python prints
 * {@code 2.8893578977051325e+25}). Before JDK 19 the digits are therefore checked: if one of the
 * two neighbouring strings one digit shorter (the digits cut, and cut and rounded up) reads back
 * as the value, the shortest string is searched exactly (the value rounded half-even to 1, 2,
 * ... 17 significant digits until the result reads back, which gives the closest of the
 * shortest, as Python does); a 17-digit result is replaced by the value rounded exactly to 17
 * digits. Checked against the exact search on 10 million doubles. The check costs two short
 * {@code parseDouble} calls, plus one {@code BigDecimal} rounding for 17-digit values.
 */
public final class PythonFloats {

    private static final MathContext[] PRECISION = new MathContext[18];

    static {
        for (int p = 1; p < PRECISION.length; p++) {
            PRECISION[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    /** From JDK 19 on, {@link Double#toString} gives the shortest, closest digits. */
    private static final boolean SHORTEST_TO_STRING = Runtime.version().feature() >= 19;

    private PythonFloats() {
    }

    /** {@code repr(d)} as Python 3 prints it ({@code nan}, {@code inf}, {@code -inf} included). */
    public static String repr(double d) {
        return repr(d, !SHORTEST_TO_STRING);
    }

    /** {@code repr(d)}; {@code verify} checks {@link Double#toString}'s digits (needed before JDK 19). */
    static String repr(double d, boolean verify) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        boolean negative = Double.doubleToRawLongBits(d) < 0;
        if (d == 0) {
            return negative ? "-0.0" : "0.0";
        }
        double abs = Math.abs(d);
        String s = Double.toString(abs);
        // Collect the significant digits and the position of the decimal point relative to them:
        // abs = 0.<digits> * 10^point.
        int ePos = s.indexOf('E');
        int mantissaEnd = ePos < 0 ? s.length() : ePos;
        int exponent = ePos < 0 ? 0 : Integer.parseInt(s, ePos + 1, s.length(), 10);
        char[] digits = new char[mantissaEnd];
        int count = 0;
        int point = 0;
        boolean seenDot = false;
        for (int i = 0; i < mantissaEnd; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                seenDot = true;
                continue;
            }
            if (count == 0 && c == '0') {
                if (seenDot) {
                    point--; // leading zero after the point: 0.00123
                }
                continue;
            }
            digits[count++] = c;
            if (!seenDot) {
                point++;
            }
        }
        while (count > 1 && digits[count - 1] == '0') {
            count--;
        }
        point += exponent;
        String digitString;
        BigDecimal exact = null;
        if (verify) {
            if (count >= 2 && shorterReadsBack(abs, digits, count, point)) {
                exact = shortest(abs);
            } else if (count >= 17) {
                exact = new BigDecimal(abs).round(PRECISION[17]).stripTrailingZeros();
            }
        }
        if (exact != null) {
            digitString = exact.unscaledValue().toString();
            point = digitString.length() - exact.scale();
        } else {
            digitString = new String(digits, 0, count);
        }
        return layout(negative, digitString, point);
    }

    /** Whether {@code 0.<digits[0..count-1)> * 10^point}, cut or rounded up, reads back as {@code abs}. */
    private static boolean shorterReadsBack(double abs, char[] digits, int count, int point) {
        int n = count - 1;
        StringBuilder sb = new StringBuilder(n + 12).append("0.").append(digits, 0, n).append('E').append(point);
        if (Double.parseDouble(sb.toString()) == abs) {
            return true;
        }
        char[] up = new char[n + 1];
        System.arraycopy(digits, 0, up, 1, n);
        up[0] = '0';
        int i = n;
        while (up[i] == '9') {
            up[i--] = '0';
        }
        up[i]++;
        sb.setLength(0);
        if (up[0] == '0') {
            sb.append("0.").append(up, 1, n).append('E').append(point);
        } else {
            sb.append("0.").append(up, 0, n + 1).append('E').append(point + 1);
        }
        return Double.parseDouble(sb.toString()) == abs;
    }

    /** The shortest (closest among the shortest) decimal that reads back as {@code abs}. */
    private static BigDecimal shortest(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        for (int p = 1; p < PRECISION.length; p++) {
            BigDecimal rounded = exact.round(PRECISION[p]);
            if (rounded.doubleValue() == abs) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(PRECISION[17]).stripTrailingZeros(); // unreachable: 17 digits always round-trip
    }

    /** Python's layout of {@code 0.<digits> * 10^point}. */
    private static String layout(boolean negative, String digits, int point) {
        int n = digits.length();
        int sciExponent = point - 1;
        StringBuilder sb = new StringBuilder(n + 8);
        if (negative) {
            sb.append('-');
        }
        if (sciExponent >= -4 && sciExponent < 16) {
            if (point <= 0) {
                sb.append("0.");
                for (int i = point; i < 0; i++) {
                    sb.append('0');
                }
                sb.append(digits);
            } else if (point >= n) {
                sb.append(digits);
                for (int i = n; i < point; i++) {
                    sb.append('0');
                }
                sb.append(".0");
            } else {
                sb.append(digits, 0, point).append('.').append(digits, point, n);
            }
        } else {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(sciExponent < 0 ? '-' : '+');
            int absExponent = Math.abs(sciExponent);
            if (absExponent < 10) {
                sb.append('0');
            }
            sb.append(absExponent);
        }
        return sb.toString();
    }
}
