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
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] c = new char[19];
        int y = t.getYear();
        if (y < 0 || y > 9999) {
            return t.toString().replace('T', ' ');
        }
        put4(c, 0, y);
        c[4] = '-';
        put2(c, 5, t.getMonthValue());
        c[7] = '-';
        put2(c, 8, t.getDayOfMonth());
        c[10] = ' ';
        put2(c, 11, t.getHour());
        c[13] = ':';
        put2(c, 14, t.getMinute());
        c[16] = ':';
        put2(c, 17, t.getSecond());
        return new String(c);
    }

    public static long of(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private static void put2(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void put4(char[] c, int at, int v) {
        put2(c, at, v / 100);
        put2(c, at + 2, v % 100);
    }
}
