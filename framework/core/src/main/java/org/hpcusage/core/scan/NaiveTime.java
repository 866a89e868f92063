package org.hpcusage.core.scan;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Naive local times as seconds since 1970-01-01T00:00:00 of the local clock (no zone), and their
 * stored text form {@code YYYY-MM-DD HH:MM:SS}, which sorts like the time itself.
 */
public final class NaiveTime {
    private NaiveTime() {
    }

    public static String format(long seconds) {
        long days = Math.floorDiv(seconds, 86_400L);
        int secs = (int) (seconds - days * 86_400L);
        // civil-from-days (H. Hinnant): proleptic Gregorian, as LocalDate, without the objects
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int doe = (int) (z - era * 146_097);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).toString().replace('T', ' ');
        }
        byte[] c = new byte[19];
        put4(c, 0, (int) year);
        c[4] = '-';
        put2(c, 5, month);
        c[7] = '-';
        put2(c, 8, day);
        c[10] = ' ';
        put2(c, 11, secs / 3600);
        c[13] = ':';
        put2(c, 14, secs / 60 % 60);
        c[16] = ':';
        put2(c, 17, secs % 60);
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static long of(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private static void put2(byte[] c, int at, int v) {
        c[at] = (byte) ('0' + v / 10);
        c[at + 1] = (byte) ('0' + v % 10);
    }

    private static void put4(byte[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }
}
