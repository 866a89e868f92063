package org.hpcusage.plugin.slurm;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * sacct's value formats, read as the reference reads them (slurm-scoreboard.md §2) with its
 * defects fixed where noted. Hand-written scanners, no regular expressions: these run once per
 * field of every row.
 */
final class SlurmValues {
    /** States that count as failures (§2.6); CANCELLED, BOOT_FAIL, DEADLINE, REVOKED do not. */
    static final Set<String> FAILURE_STATES = Set.of("FAILED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "TIMEOUT");

    /** States of a job that has not ended: such rows are not stored as finished jobs. */
    static final Set<String> UNFINISHED_STATES = Set.of("PENDING", "RUNNING", "REQUEUED", "REQUEUE_FED",
            "REQUEUE_HOLD", "RESIZING", "SUSPENDED", "STOPPED", "SIGNALING", "STAGE_OUT", "CONFIGURING",
            "COMPLETING", "RESV_DEL_HOLD", "SPECIAL_EXIT", "POWER_UP_NODE", "UPDATE_DB");

    private SlurmValues() {
    }

    /**
     * The state's first word without a trailing {@code +}, upper case: "CANCELLED by 1001" →
     * CANCELLED, "FAILED+" → FAILED (the reference missed the suffix, defect D17). Empty → "".
     */
    static String baseState(String state) {
        if (state == null) {
            return "";
        }
        String s = state.strip();
        int space = 0;
        while (space < s.length() && !Character.isWhitespace(s.charAt(space))) {
            space++;
        }
        String word = s.substring(0, space);
        while (word.endsWith("+")) {
            word = word.substring(0, word.length() - 1);
        }
        return word.toUpperCase(Locale.ROOT);
    }

    /** Whether the state is a failure; an empty state is not (the reference crashed, D3). */
    static boolean isFailure(String state) {
        return FAILURE_STATES.contains(baseState(state));
    }

    /**
     * Memory in MB (10^6 bytes), base 10 (§2.3): {@code 1024K} → 1.024, {@code 1G} → 1000, a bare
     * number is MB. Empty, unknown units ({@code P}, {@code E}), junk and negative values give 0
     * (the reference let negatives through its float fallback, D4). Exponent forms such as
     * {@code 1e3} are read as the reference reads them.
     */
    static double memoryMb(String s) {
        if (s == null) {
            return 0;
        }
        String v = s.strip();
        if (v.isEmpty()) {
            return 0;
        }
        char last = v.charAt(v.length() - 1);
        // Bytes per unit; a bare number is MB. The division by 10^6 comes last, as the reference.
        double bytes = switch (last) {
            case 'K', 'k' -> 1e3;
            case 'M', 'm' -> 1e6;
            case 'G', 'g' -> 1e9;
            case 'T', 't' -> 1e12;
            default -> 0;
        };
        if (bytes != 0) {
            double n = plainNumber(v.substring(0, v.length() - 1));
            return Double.isNaN(n) ? 0 : n * bytes / 1e6;
        }
        double n = plainNumber(v);
        if (Double.isNaN(n)) {
            n = exponentNumber(v); // the reference's float() fallback: "1e3" → 1000 MB
        }
        return Double.isNaN(n) ? 0 : n * 1e6 / 1e6;
    }

    /** Digits with at most one '.', at least one digit; NaN otherwise. */
    private static double plainNumber(String s) {
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && dots == 0) {
                dots++;
            } else {
                return Double.NaN;
            }
        }
        return digits == 0 ? Double.NaN : Double.parseDouble(s);
    }

    /** An unsigned decimal with an exponent ("1e3", "2.5E+2"); NaN otherwise (no sign, no inf). */
    private static double exponentNumber(String s) {
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e <= 0 || e == s.length() - 1) {
            return Double.NaN;
        }
        double mantissa = plainNumber(s.substring(0, e));
        String exp = s.substring(e + 1);
        if (exp.startsWith("+") || exp.startsWith("-")) {
            exp = exp.substring(1);
        }
        if (Double.isNaN(mantissa) || exp.isEmpty() || !allDigits(exp)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /**
     * Requested memory in MB (§2.4): a last letter {@code c}/{@code C} means per CPU (× AllocCPUS),
     * {@code n}/{@code N} or none means per node (× NNodes).
     */
    static double requestedMemoryMb(String reqMem, int allocCpus, int nodes) {
        if (reqMem == null) {
            return 0;
        }
        String v = reqMem.strip();
        if (v.isEmpty()) {
            return 0;
        }
        char last = v.charAt(v.length() - 1);
        boolean perCpu = last == 'c' || last == 'C';
        if (perCpu || last == 'n' || last == 'N') {
            v = v.substring(0, v.length() - 1);
        }
        return memoryMb(v) * Math.max(perCpu ? allocCpus : nodes, 0);
    }

    /** A whole count; empty or not a whole number ("1.5", "x") → 0, as the reference. */
    static int count(String s) {
        if (s == null) {
            return 0;
        }
        String v = s.strip();
        if (v.isEmpty() || v.length() > 9 || !allDigits(v)) {
            return 0;
        }
        return Integer.parseInt(v);
    }

    /** ElapsedRaw seconds: digits (a fraction is dropped); -1 when absent or not a number. */
    static long rawSeconds(String s) {
        if (s == null) {
            return -1;
        }
        String v = s.strip();
        int dot = v.indexOf('.');
        if (dot >= 0) {
            v = v.substring(0, dot);
        }
        if (v.isEmpty() || v.length() > 18 || !allDigits(v)) {
            return -1;
        }
        return Long.parseLong(v);
    }

    /**
     * sacct's duration form {@code [D-][HH:]MM:SS[.fff]} (Elapsed, Timelimit) in seconds; -1 for
     * empty, {@code UNLIMITED}, {@code Partition_Limit} or anything else.
     */
    static long duration(String s) {
        if (s == null) {
            return -1;
        }
        String v = s.strip();
        long days = 0;
        int dash = v.indexOf('-');
        if (dash >= 0) {
            String d = v.substring(0, dash);
            if (d.isEmpty() || d.length() > 6 || !allDigits(d)) {
                return -1;
            }
            days = Long.parseLong(d);
            v = v.substring(dash + 1);
        }
        int dot = v.indexOf('.');
        if (dot >= 0) {
            if (!allDigits(v.substring(dot + 1))) {
                return -1;
            }
            v = v.substring(0, dot);
        }
        String[] parts = v.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return -1;
        }
        long total = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !allDigits(p)) {
                return -1;
            }
            total = total * 60 + Long.parseLong(p);
        }
        if (parts.length == 2 && dash >= 0) {
            total *= 60; // "D-HH:MM": a day form never drops the hours.
        }
        return days * 86_400 + total;
    }

    /** Whether a time field means "no time": empty, Unknown, None. */
    static boolean isNoTime(String s) {
        if (s == null) {
            return true;
        }
        String v = s.strip();
        return v.isEmpty() || v.equalsIgnoreCase("Unknown") || v.equalsIgnoreCase("None");
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS} (a space for the {@code T} is accepted) read in {@code zone};
     * null when it is not that form or not a real instant.
     */
    static Instant timestamp(String s, ZoneId zone) {
        String v = s.strip();
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != ' ')
                || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 7);
        int day = digits(v, 8, 10);
        int hour = digits(v, 11, 13);
        int minute = digits(v, 14, 16);
        int second = digits(v, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
            return zone == ZoneOffset.UTC ? t.toInstant(ZoneOffset.UTC) : t.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** User name as the reference keeps it (§2.1): trimmed, lower case, realm after '@' cut. */
    static String user(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        int at = v.indexOf('@');
        return at >= 0 ? v.substring(0, at) : v;
    }
}
