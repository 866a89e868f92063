package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hand-written formatter agrees with java.time on every kind of day. */
class NaiveTimeTest {

    @Test
    void formatsLikeJavaTime() {
        assertEquals("1970-01-01 00:00:00", NaiveTime.format(0));
        assertEquals("2024-02-29 23:59:59", NaiveTime.format(NaiveTime.of(LocalDateTime.of(2024, 2, 29, 23, 59, 59))));
        assertEquals("1969-12-31 23:59:59", NaiveTime.format(-1));
        assertEquals("2000-03-01 00:00:00", NaiveTime.format(NaiveTime.of(LocalDateTime.of(2000, 3, 1, 0, 0))));
        // every day from 1900 to 2100 at a varying time of day, leap years and century rules included
        long from = NaiveTime.of(LocalDateTime.of(1900, 1, 1, 0, 0));
        long to = NaiveTime.of(LocalDateTime.of(2100, 12, 31, 0, 0));
        for (long s = from; s <= to; s += 86_400 + 37) {
            String expected = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toLocalDate() + " "
                    + LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toLocalTime().withNano(0).toString();
            if (expected.length() == 16) {
                expected += ":00";
            }
            assertEquals(expected, NaiveTime.format(s), "at " + s);
        }
    }
}
