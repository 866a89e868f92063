package org.hpcusage.core.scan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The reference's SIZE, COUNT and DATE argument syntaxes (fs-scans §6.5). Each throws
 * {@link IllegalArgumentException} with a one-line message for a bad value.
 */
public final class ScanArguments {
    private ScanArguments() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    /** {@code 1024}, {@code 512B}, {@code 1KB} (1000), {@code 1KiB}/{@code 1K} (1024) … {@code PB}/{@code PiB}. */
    public static long size(String text) {
        String[] nu = split(text, "size");
        long multiplier = switch (nu[1].toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "tb" -> 1000L * 1000 * 1000 * 1000;
            case "pb" -> 1000L * 1000 * 1000 * 1000 * 1000;
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            case "t", "tib" -> 1L << 40;
            case "p", "pib" -> 1L << 50;
            default -> throw new IllegalArgumentException("Invalid size: " + text.strip() + " (e.g. 500GiB, 1.5TB, 1024)");
        };
        return new BigDecimal(nu[0]).multiply(BigDecimal.valueOf(multiplier)).longValue();
    }

    /** {@code 500}, {@code 10K} (10 000), {@code 2m} (2 000 000). */
    public static long count(String text) {
        String[] nu = split(text, "count");
        long multiplier = switch (nu[1].toLowerCase(Locale.ROOT)) {
            case "" -> 1L;
            case "k" -> 1000L;
            case "m" -> 1_000_000L;
            default -> throw new IllegalArgumentException("Invalid count: " + text.strip() + " (e.g. 500, 10K, 2M)");
        };
        return new BigDecimal(nu[0]).multiply(BigDecimal.valueOf(multiplier)).longValue();
    }

    /** Number and unit of {@code ^(\d+(\.\d+)?)\s*([A-Za-z]*)$}, trimmed. */
    private static String[] split(String text, String what) {
        String t = text == null ? "" : text.strip();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        int intEnd = i;
        if (i < t.length() && t.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < t.length() && Character.isDigit(t.charAt(i))) {
                i++;
            }
            if (i == fracStart) {
                i = -1;
            }
        }
        if (intEnd == 0 || i < 0) {
            throw new IllegalArgumentException("Invalid " + what + ": " + t);
        }
        String number = t.substring(0, i);
        String unit = t.substring(i).stripLeading();
        for (char ch : unit.toCharArray()) {
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z')) {
                throw new IllegalArgumentException("Invalid " + what + ": " + t);
            }
        }
        return new String[] {number, unit};
    }

    /**
     * {@code YYYY-MM-DD} (midnight), or {@code N yr/yrs/mo} before {@code now}. Years keep the day
     * and time (29 February becomes 28 February instead of failing, D22); months step back with
     * the day clamped to 28, as the reference does. Returns the stored text form.
     */
    public static String date(String text, LocalDateTime now) {
        String t = text == null ? "" : text.strip();
        try {
            return NaiveTime.format(NaiveTime.of(LocalDate.parse(t, DAY).atStartOfDay()));
        } catch (DateTimeParseException e) {
            // maybe relative
        }
        String lower = t.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length() && Character.isDigit(lower.charAt(i))) {
            i++;
        }
        if (i > 0 && i <= 6) {
            int n = Integer.parseInt(lower.substring(0, i));
            String unit = lower.substring(i);
            if (unit.equals("yr") || unit.equals("yrs")) {
                return NaiveTime.format(NaiveTime.of(now.minusYears(n)));
            }
            if (unit.equals("mo")) {
                LocalDateTime back = now.withDayOfMonth(Math.min(now.getDayOfMonth(), 28)).minusMonths(n);
                return NaiveTime.format(NaiveTime.of(back));
            }
        }
        throw new IllegalArgumentException("Invalid date format: " + t + ". Use YYYY-MM-DD or Nyrs/Nmo");
    }

    /** 1024-based with one decimal: {@code 0.0 B}, {@code 528.0 KiB}, {@code 1.5 MiB}. */
    public static String humanSize(Long bytes) {
        if (bytes == null) {
            return "N/A";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
