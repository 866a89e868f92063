package org.hpcusage.plugin.pbs;

import java.time.Instant;

/**
 * The value parsers of the reference (job-history.md §3.2), working on a range of a char buffer so
 * the hot loop creates no strings. Every parser returns {@link #BAD} where the reference gives
 * NULL; none throws on bad data. The {@code String} overloads are for tests and callers off the
 * hot path.
 *
 * <p>"Integer" follows Python's {@code int()} as the reference uses it: optional surrounding
 * whitespace, an optional sign, then decimal digits only ({@code "12.0"} is bad). Python's digit
 * separators ({@code "1_000"}) are not accepted: no PBS server writes them.
 */
public final class PbsValues {

    /** Marks "no value" (the reference's NULL). No parsed value can equal it: inputs are capped at 18 digits. */
    public static final long BAD = Long.MIN_VALUE;

    /** 1024^3: the reference's GB. */
    private static final double GIB = 1073741824.0;
    /** Python's datetime range (years 1..9999): outside it the reference cannot make a timestamp. */
    private static final long MIN_EPOCH = -62135596800L;
    private static final long MAX_EPOCH = 253402300799L;
    /** 18 digits always fit a long, so overflow never has to be tested digit by digit. */
    private static final int MAX_DIGITS = 18;

    private PbsValues() {
    }

    /** Python {@code int()} of {@code b[from, to)}, or {@link #BAD}. */
    public static long integer(char[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        if (from >= to) {
            return BAD;
        }
        boolean negative = false;
        char c = b[from];
        if (c == '-' || c == '+') {
            negative = c == '-';
            from++;
        }
        int digits = to - from;
        if (digits <= 0 || digits > MAX_DIGITS) {
            return BAD;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return BAD;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /** An integer that also fits a Java int, else {@link #BAD}. */
    public static long int32(char[] b, int from, int to) {
        long v = integer(b, from, to);
        return v != BAD && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : BAD;
    }

    /**
     * Duration in seconds: bare seconds, or exactly three {@code H:M:S} parts (negative parts are
     * taken arithmetically); empty, two or four parts, or a non-integer part give {@link #BAD}.
     */
    public static long duration(char[] b, int from, int to) {
        if (from >= to) {
            return BAD;
        }
        int c1 = indexOf(b, ':', from, to);
        if (c1 < 0) {
            return integer(b, from, to);
        }
        int c2 = indexOf(b, ':', c1 + 1, to);
        if (c2 < 0 || indexOf(b, ':', c2 + 1, to) >= 0) {
            return BAD;
        }
        long h = integer(b, from, c1);
        long m = integer(b, c1 + 1, c2);
        long s = integer(b, c2 + 1, to);
        // The caps keep h*3600 inside a long; no real duration comes near them.
        if (h == BAD || m == BAD || s == BAD || Math.abs(h) > 1_000_000_000_000L) {
            return BAD;
        }
        return h * 3600 + m * 60 + s;
    }

    /**
     * Used memory ({@code resources_used.mem/vmem}) in bytes: trailing {@code k}/{@code b}
     * characters (any case, any mix) stripped, an integer left, times 1024.
     */
    public static long kbMemory(char[] b, int from, int to) {
        while (to > from && isKb(b[to - 1])) {
            to--;
        }
        long v = integer(b, from, to);
        if (v == BAD || Math.abs(v) > Long.MAX_VALUE / 1024) {
            return BAD;
        }
        return v * 1024;
    }

    /**
     * Requested memory ({@code Resource_List.mem}) in bytes: trailing {@code g}/{@code b}
     * characters stripped, a decimal left, times 1024^3, truncated toward zero. Like the
     * reference, {@code mb} and {@code tb} values are lost.
     */
    public static long gbMemory(char[] b, int from, int to) {
        while (to > from && isGb(b[to - 1])) {
            to--;
        }
        long whole = integer(b, from, to);
        if (whole != BAD) {
            // The same double arithmetic as float(s) * 1024**3 in the reference.
            return truncate((double) whole * GIB);
        }
        if (!isPythonFloat(b, from, to)) {
            return BAD;
        }
        return truncate(Double.parseDouble(new String(b, from, to - from).trim()) * GIB);
    }

    /** Epoch seconds, or {@link #BAD} when not an integer or outside the years 1..9999. */
    public static long epoch(char[] b, int from, int to) {
        long v = integer(b, from, to);
        return v != BAD && v >= MIN_EPOCH && v <= MAX_EPOCH ? v : BAD;
    }

    private static long truncate(double v) {
        if (Double.isNaN(v) || Math.abs(v) >= 9.223372036854775807E18) {
            return BAD;
        }
        return (long) v;
    }

    /**
     * Python {@code float()} syntax without its digit separators: sign, digits with at most one
     * point, an optional exponent. {@code inf} and {@code nan} are refused: the reference cannot
     * turn them into a byte count either.
     */
    private static boolean isPythonFloat(char[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        int i = from;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = b[i];
            if (c >= '0' && c <= '9') {
                mantissaDigits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int expDigits = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    static int indexOf(char[] b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKb(char c) {
        return c == 'k' || c == 'b' || c == 'K' || c == 'B';
    }

    private static boolean isGb(char c) {
        return c == 'g' || c == 'b' || c == 'G' || c == 'B';
    }

    /**
     * Python's {@code str.isspace()}: what {@code str.split()} splits on and {@code int()}
     * trims. Used both for tokenising messages and for trimming numbers.
     */
    static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    // ---- String conveniences (tests, settings, anything off the hot path) ----

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }

    private static Long boxed(long v) {
        return v == BAD ? null : v;
    }

    /** {@link #duration(char[], int, int)} of a string; null for NULL. */
    public static Long duration(String s) {
        char[] b = chars(s);
        return boxed(duration(b, 0, b.length));
    }

    /** {@link #kbMemory(char[], int, int)} of a string; null for NULL. */
    public static Long kbMemory(String s) {
        char[] b = chars(s);
        return boxed(kbMemory(b, 0, b.length));
    }

    /** {@link #gbMemory(char[], int, int)} of a string; null for NULL. */
    public static Long gbMemory(String s) {
        char[] b = chars(s);
        return boxed(gbMemory(b, 0, b.length));
    }

    /** {@link #epoch(char[], int, int)} of a string as an instant; null for NULL. */
    public static Instant epoch(String s) {
        char[] b = chars(s);
        long v = epoch(b, 0, b.length);
        return v == BAD ? null : Instant.ofEpochSecond(v);
    }

    /** {@link #int32(char[], int, int)} of a string; null for NULL. */
    public static Integer int32(String s) {
        char[] b = chars(s);
        long v = int32(b, 0, b.length);
        return v == BAD ? null : (int) v;
    }
}
