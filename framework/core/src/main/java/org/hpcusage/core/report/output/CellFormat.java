package org.hpcusage.core.report.output;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Renders one cell value with a Python format spec, as the reference's {@code _format_cell}
 * does for DAT, Markdown and the terminal table: NULL → empty string; spec {@code ""} or
 * {@code "s"} → the plain string form ({@link #plain}); otherwise {@code format(value, spec)},
 * falling back to the plain string form when Python would raise.
 *
 * <p>Spec grammar: {@code [[fill]align][sign][z][#][0][width][,|_][.precision][type]} with type
 * {@code s}, {@code d}, {@code f}, {@code F}, {@code %} or none. Other presentation types
 * ({@code e}, {@code g}, {@code x}, ...) and a precision without a type on a float are not
 * implemented: such cells render in the plain string form, as if Python had raised. Zero
 * padding is applied after grouping (Python would group the padding zeros too).
 *
 * <p>Semantics per type:
 * <ul>
 *   <li>{@code f}/{@code F}/{@code %}: the exact binary value of a double is rounded half-even,
 *       as Python does ({@code new BigDecimal(d).setScale(n, HALF_EVEN)}); {@code 0.25} with
 *       {@code .1f} gives {@code 0.2}, {@code 2.675} with {@code .2f} gives {@code 2.67}. Integers
 *       are converted to double first (Python converts int to float); a {@code BigDecimal} is
 *       rounded half-even on its own decimal value, like Python's {@code Decimal}. Negative
 *       values that round to zero keep the sign ({@code -0.0}) unless {@code z} is given.</li>
 *   <li>{@code d}: integers print in full. <b>Deviation from Python</b> (which raises for any
 *       float): a {@code Double} or {@code BigDecimal} with an integral value prints as that
 *       integer ({@code 12.0} → {@code 12}); a non-integral one falls back to the plain string.
 *       {@code Boolean} prints as {@code 1}/{@code 0} (Python's bool is an int).</li>
 *   <li>{@code s}: the plain string form; width, precision and alignment apply to string values
 *       only (Python raises for {@code s} on numbers, and the fallback is the plain string).</li>
 * </ul>
 * Temporal values with a numeric spec render in the plain string form (Python would pass the spec
 * to {@code strftime}; not reproduced).
 *
 * <p>Instances are immutable and thread-safe; parse once per column with {@link #of} and call
 * {@link #format} per cell. The per-cell path uses no regular expressions; for doubles with
 * small magnitudes {@code f} avoids {@code BigDecimal} where the result provably equals it.
 */
public final class CellFormat {

    private static final char NO_TYPE = 0;
    private static final char NO_ALIGN = 0;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final long[] LONG_POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L};
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final CellFormat PLAIN = new CellFormat("");
    private static final Map<String, CellFormat> COMMON = Map.of(
            "", PLAIN,
            "s", new CellFormat("s"),
            "d", new CellFormat("d"),
            ".1f", new CellFormat(".1f"),
            ".2f", new CellFormat(".2f"),
            ".4f", new CellFormat(".4f"));

    private final String spec;
    /** Spec is "" or "s": every value renders in the plain string form. */
    private final boolean plainOnly;
    /** Spec parsed and supported; otherwise every value renders in the plain string form. */
    private final boolean valid;
    /** The parsed spec; reached through a final field, so instances are safely shared. */
    private final Options o = new Options();

    private CellFormat(String spec) {
        this.spec = spec;
        this.plainOnly = spec.isEmpty() || spec.equals("s");
        this.valid = plainOnly || parse(spec);
    }

    /** The formatter for {@code spec} ({@code null} = {@code ""}); never fails. */
    public static CellFormat of(String spec) {
        if (spec == null) {
            return PLAIN;
        }
        CellFormat common = COMMON.get(spec);
        return common != null ? common : new CellFormat(spec);
    }

    /** Shorthand for {@code CellFormat.of(spec).format(value)}. */
    public static String format(Object value, String spec) {
        return of(spec).format(value);
    }

    /** The spec this formatter was built from. */
    public String spec() {
        return spec;
    }

    /** Whether the spec has a numeric presentation type ({@code d}, {@code f}, {@code F}, {@code %}). */
    public boolean isNumeric() {
        return valid && (o.type == 'd' || o.type == 'f' || o.type == 'F' || o.type == '%');
    }

    /** The cell text for {@code value}: empty for {@code null}, never {@code null}. */
    public String format(Object value) {
        if (value == null) {
            return "";
        }
        if (plainOnly || !valid) {
            return plain(value);
        }
        switch (o.type) {
            case 's':
                return value instanceof CharSequence ? text(value.toString()) : plain(value);
            case 'd':
                return integer(value);
            case 'f':
            case 'F':
            case '%':
                return fixed(value);
            default:
                return untyped(value);
        }
    }

    /**
     * The plain string form of a value (Python's {@code str} as the reference shows it):
     * {@code null} → {@code ""}; {@code Double} → Python's repr ({@code 12.0}, {@code 0.1},
     * {@code 1e-05}); {@code Float} → the repr of its shortest decimal; {@code BigDecimal} →
     * {@link BigDecimal#toString()} (the same rules as Python's {@code str(Decimal)});
     * {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} → {@code YYYY-MM-DD HH:MM:SS}
     * in UTC, {@code LocalDateTime} → the same without conversion (seconds precision, fractions
     * dropped); {@code LocalDate} → ISO; {@code Boolean} → {@code True}/{@code False} (Python's
     * spelling); anything else → {@code toString()}.
     */
    public static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Double) {
            return PythonFloats.repr((Double) value);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Float) {
            return PythonFloats.repr(floatToDouble((Float) value));
        }
        if (value instanceof Instant) {
            return dateTime(LocalDateTime.ofEpochSecond(((Instant) value).getEpochSecond(), 0, ZoneOffset.UTC), ' ');
        }
        if (value instanceof LocalDateTime) {
            return dateTime((LocalDateTime) value, ' ');
        }
        if (value instanceof OffsetDateTime) {
            return plain(((OffsetDateTime) value).toInstant());
        }
        if (value instanceof ZonedDateTime) {
            return plain(((ZonedDateTime) value).toInstant());
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        return value.toString();
    }

    /** {@code YYYY-MM-DD<sep>HH:MM:SS}, seconds precision; ISO fallback outside years 0..9999. */
    static String dateTime(LocalDateTime t, char separator) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.toLocalDate() + String.valueOf(separator) + TIME.format(t);
        }
        char[] c = new char[19];
        put4(c, 0, year);
        c[4] = '-';
        put2(c, 5, t.getMonthValue());
        c[7] = '-';
        put2(c, 8, t.getDayOfMonth());
        c[10] = separator;
        put2(c, 11, t.getHour());
        c[13] = ':';
        put2(c, 14, t.getMinute());
        c[16] = ':';
        put2(c, 17, t.getSecond());
        return new String(c);
    }

    /** {@code 2026-01-15T12:30:45} for an instant (UTC, seconds precision). */
    static String isoDateTime(Instant instant) {
        return dateTime(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC), 'T');
    }

    static double floatToDouble(float f) {
        return Float.isFinite(f) ? Double.parseDouble(Float.toString(f)) : f;
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }

    // ---------------------------------------------------------------------------------------
    // Spec parsing (once per column)

    private boolean parse(String s) {
        int n = s.length();
        int i = 0;
        if (n >= 2 && isAlign(s.charAt(1))) {
            o.fill = s.charAt(0);
            o.explicitFill = true;
            o.align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && isAlign(s.charAt(0))) {
            o.align = s.charAt(0);
            i = 1;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-' || s.charAt(i) == ' ')) {
            o.sign = s.charAt(i++);
            o.numericOnlyOptions = true;
        }
        if (i < n && s.charAt(i) == 'z') {
            o.noNegativeZero = true;
            o.numericOnlyOptions = true;
            i++;
        }
        if (i < n && s.charAt(i) == '#') {
            o.alternate = true;
            o.numericOnlyOptions = true;
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            o.zeroPad = true;
            i++;
        }
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            o.width = parseInt(s, start, i);
            if (o.width < 0) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            o.grouping = s.charAt(i++);
            o.numericOnlyOptions = true;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false; // "Format specifier missing precision"
            }
            o.precision = parseInt(s, start, i);
            if (o.precision < 0) {
                return false;
            }
        }
        if (i < n) {
            o.type = s.charAt(i++);
        }
        if (i != n) {
            return false;
        }
        if (o.align == '=') {
            o.numericOnlyOptions = true;
        }
        if (o.zeroPad && !o.explicitFill) {
            o.fill = '0';
        }
        switch (o.type) {
            case NO_TYPE:
                return true;
            case 's':
                return !o.numericOnlyOptions;
            case 'd':
                return o.precision < 0 && !o.noNegativeZero;
            case 'f':
            case 'F':
            case '%':
                return true;
            default:
                return false; // not implemented: rendered in the plain string form
        }
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Non-negative int, or -1 on overflow. */
    private static int parseInt(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return (int) v;
    }

    // ---------------------------------------------------------------------------------------
    // Per-cell formatting

    private String untyped(Object value) {
        if (value instanceof CharSequence) {
            return o.numericOnlyOptions ? value.toString() : text(value.toString());
        }
        if (isIntegral(value)) {
            return o.precision >= 0 ? plain(value) : integer(value);
        }
        if (value instanceof Double || value instanceof Float) {
            if (o.precision >= 0) {
                return plain(value);
            }
            double d = value instanceof Double ? (Double) value : floatToDouble((Float) value);
            String repr = PythonFloats.repr(Math.abs(d));
            boolean negative = Double.doubleToRawLongBits(d) < 0 && !Double.isNaN(d);
            if (o.noNegativeZero && d == 0) {
                negative = false;
            }
            return number(negative, repr);
        }
        if (value instanceof BigDecimal) {
            if (o.precision >= 0) {
                return plain(value);
            }
            BigDecimal b = (BigDecimal) value;
            return number(b.signum() < 0, b.abs().toString());
        }
        return plain(value);
    }

    private String integer(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            if (v < 0) {
                return number(true, v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(-v));
            }
            return number(false, Long.toString(v));
        }
        if (value instanceof BigInteger) {
            BigInteger b = (BigInteger) value;
            return number(b.signum() < 0, b.abs().toString());
        }
        if (value instanceof Boolean) {
            return number(false, (Boolean) value ? "1" : "0");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value instanceof Double ? (Double) value : (Float) value;
            if (!Double.isFinite(d) || d != Math.rint(d)) {
                return plain(value);
            }
            if (Math.abs(d) < 9.0e18) {
                long v = (long) d;
                return number(v < 0, Long.toString(Math.abs(v)));
            }
            return number(d < 0, new BigDecimal(Math.abs(d)).toBigInteger().toString());
        }
        if (value instanceof BigDecimal) {
            BigDecimal b = (BigDecimal) value;
            if (b.signum() == 0) {
                return number(false, "0");
            }
            BigDecimal stripped = b.stripTrailingZeros();
            if (stripped.scale() > 0) {
                return plain(value);
            }
            if (stripped.compareTo(LONG_MIN) > 0 && stripped.compareTo(LONG_MAX) <= 0) {
                long v = stripped.longValueExact();
                return number(v < 0, Long.toString(Math.abs(v)));
            }
            return number(b.signum() < 0, stripped.abs().toBigInteger().toString());
        }
        return plain(value);
    }

    private String fixed(Object value) {
        int digits = o.precision < 0 ? 6 : o.precision;
        boolean percent = o.type == '%';
        if (value instanceof BigDecimal) {
            BigDecimal b = (BigDecimal) value;
            boolean negative = b.signum() < 0;
            BigDecimal abs = b.abs();
            if (percent) {
                abs = abs.movePointRight(2);
            }
            String text = abs.setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
            return fixedResult(negative, text, isZero(text));
        }
        double d;
        if (value instanceof Double) {
            d = (Double) value;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            d = ((Number) value).doubleValue();
        } else if (value instanceof Float) {
            d = floatToDouble((Float) value);
        } else if (value instanceof Boolean) {
            d = (Boolean) value ? 1 : 0;
        } else {
            return plain(value);
        }
        if (Double.isNaN(d)) {
            return number(false, o.type == 'F' ? "NAN" : percent ? "nan%" : "nan");
        }
        boolean negative = Double.doubleToRawLongBits(d) < 0;
        if (Double.isInfinite(d)) {
            return number(negative, o.type == 'F' ? "INF" : percent ? "inf%" : "inf");
        }
        double abs = Math.abs(d);
        String text = null;
        if (percent) {
            text = new BigDecimal(abs).movePointRight(2).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        } else if (digits < POW10.length) {
            text = fastFixed(abs, digits);
        }
        if (text == null) {
            text = new BigDecimal(abs).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        }
        return fixedResult(negative, text, isZero(text));
    }

    /**
     * {@code abs} rounded half-even to {@code digits} decimals without BigDecimal, or {@code null}
     * when that cannot be shown to equal the exact result. {@code x = abs * 10^digits} is computed
     * with one rounding (10^digits is exact), so for {@code x < 1e12} it is within 1.2e-4 of the
     * exact product; unless the fraction of {@code x} is within 1e-3 of one half, no rounding
     * boundary lies between the computed and the exact product, and rounding {@code x} to the
     * nearest integer gives the exact answer.
     */
    static String fastFixed(double abs, int digits) {
        double x = abs * POW10[digits];
        if (!(x < 1e12)) {
            return null;
        }
        double floor = Math.floor(x);
        double fraction = x - floor;
        if (Math.abs(fraction - 0.5) <= 1e-3) {
            return null;
        }
        long m = (long) floor + (fraction > 0.5 ? 1 : 0);
        if (digits == 0) {
            return Long.toString(m);
        }
        long scale = LONG_POW10[digits];
        long whole = m / scale;
        long part = m % scale;
        StringBuilder sb = new StringBuilder(24);
        sb.append(whole).append('.');
        String partText = Long.toString(part);
        for (int i = partText.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(partText).toString();
    }

    private String fixedResult(boolean negative, String text, boolean zero) {
        if (zero && o.noNegativeZero) {
            negative = false;
        }
        if (o.alternate && text.indexOf('.') < 0) {
            text = text + '.';
        }
        if (o.type == '%') {
            text = text + '%';
        }
        return number(negative, text);
    }

    private static boolean isZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof Boolean;
    }

    /** Sign, grouping and padding for the unsigned number text {@code abs}. */
    private String number(boolean negative, String abs) {
        String body = o.grouping == 0 ? abs : group(abs);
        String signText = negative ? "-" : o.sign == '+' ? "+" : o.sign == ' ' ? " " : "";
        if (o.width < 0 && signText.isEmpty()) {
            return body;
        }
        int length = signText.length() + body.length();
        if (length >= o.width) {
            return signText + body;
        }
        char a = o.align != NO_ALIGN ? o.align : o.zeroPad ? '=' : '>';
        int pad = o.width - length;
        if (a == '=') {
            return signText + repeat(o.fill, pad) + body;
        }
        return pad(signText + body, pad, a);
    }

    private String group(String abs) {
        int end = 0;
        while (end < abs.length() && isDigit(abs.charAt(end))) {
            end++;
        }
        if (end <= 3) {
            return abs;
        }
        StringBuilder sb = new StringBuilder(abs.length() + end / 3);
        int first = end % 3 == 0 ? 3 : end % 3;
        sb.append(abs, 0, first);
        for (int i = first; i < end; i += 3) {
            sb.append(o.grouping).append(abs, i, i + 3);
        }
        return sb.append(abs, end, abs.length()).toString();
    }

    /** Precision truncation and padding of a string value. */
    private String text(String s) {
        if (o.precision >= 0 && s.codePointCount(0, s.length()) > o.precision) {
            s = s.substring(0, s.offsetByCodePoints(0, o.precision));
        }
        if (o.width < 0) {
            return s;
        }
        int length = s.codePointCount(0, s.length());
        if (length >= o.width) {
            return s;
        }
        return pad(s, o.width - length, o.align != NO_ALIGN ? o.align : '<');
    }

    private String pad(String s, int pad, char a) {
        if (a == '>') {
            return repeat(o.fill, pad) + s;
        }
        if (a == '^') {
            int left = pad / 2;
            return repeat(o.fill, left) + s + repeat(o.fill, pad - left);
        }
        return s + repeat(o.fill, pad);
    }

    private static String repeat(char c, int count) {
        return String.valueOf(c).repeat(count);
    }

    /** The parsed spec options. */
    private static final class Options {
        /** The spec has options Python rejects for strings (sign, grouping, '=', z, #). */
        boolean numericOnlyOptions;
        char fill = ' ';
        boolean explicitFill;
        char align = NO_ALIGN;
        char sign = '-';
        boolean noNegativeZero;
        boolean alternate;
        boolean zeroPad;
        int width = -1;
        char grouping;
        int precision = -1;
        char type = NO_TYPE;
    }

    @Override
    public String toString() {
        return "CellFormat[" + spec + "]";
    }
}
