package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value-parser example of reference §3.2 and §10.4. */
class PbsValuesTest {

    @ParameterizedTest(name = "duration {0} = {1}")
    @CsvSource({
        "00:14:18, 858",      // 14·60 + 18
        "06:42:05, 24125",    // 6·3600 + 42·60 + 5
        "57:17:49, 206269",   // 57·3600 + 17·60 + 49: hours past 24 are fine
        "00:00:00, 0",
        "01:20:22, 4822",     // 3600 + 1200 + 22
        "1:2:3, 3723",        // 3600 + 120 + 3: no zero padding needed
        "4822, 4822",         // bare seconds
        "858, 858",
        "0, 0",               // the string "0" is not "falsy": it is 0
        "-5, -5",
        "-1:00:00, -3600",    // negative parts are taken arithmetically
        "00:-1:00, -60",
    })
    void durations(String text, long seconds) {
        assertEquals(seconds, PbsValues.duration(text));
    }

    @ParameterizedTest(name = "duration ''{0}'' is NULL")
    @NullAndEmptySource
    @ValueSource(strings = {"12:34", "1:2:3:4", "invalid", "1:x:3", "1::3", "12.5", "00:00:1.5"})
    void badDurations(String text) {
        assertNull(PbsValues.duration(text));
    }

    @ParameterizedTest(name = "kb memory {0} = {1}")
    @CsvSource({
        "172600kb, 176742400",        // 172600 · 1024
        "1024kb, 1048576",
        "1024KB, 1048576",            // lower-cased first
        "233791056kb, 239402041344",  // 233791056 · 1024
        "1024, 1048576",              // bare number is KB
        "0kb, 0",
        "1024bk, 1048576",            // any mix of trailing k and b is stripped
    })
    void kbMemory(String text, long bytes) {
        assertEquals(bytes, PbsValues.kbMemory(text));
    }

    @ParameterizedTest(name = "kb memory ''{0}'' is NULL")
    @NullAndEmptySource
    @ValueSource(strings = {"12.5kb", "4gb", "invalid", "kb", "10mb"})
    void badKbMemory(String text) {
        assertNull(PbsValues.kbMemory(text));
    }

    @ParameterizedTest(name = "gb memory {0} = {1}")
    @CsvSource({
        "235gb, 252329328640",    // 235 · 1073741824
        "150.5gb, 161598144512",  // int(150.5 · 1073741824) = 161061273600 + 536870912
        "100GB, 107374182400",    // 100 · 1073741824
        "150G, 161061273600",     // 150 · 1073741824
        "10, 10737418240",        // bare number is GB
        "0.5gb, 536870912",
        "1e1gb, 10737418240",     // Python float() reads exponents
    })
    void gbMemory(String text, long bytes) {
        assertEquals(bytes, PbsValues.gbMemory(text));
    }

    @ParameterizedTest(name = "gb memory ''{0}'' is NULL")
    @NullAndEmptySource
    @ValueSource(strings = {"200mb", "1tb", "invalid", "gb", "inf", "nan", "1.2.3gb"})
    void badGbMemory(String text) {
        assertNull(PbsValues.gbMemory(text));
    }

    @Test
    void gbMemoryTruncatesTowardZero() {
        // 0.1 · 1073741824 = 107374182.4 → 107374182
        assertEquals(107374182L, PbsValues.gbMemory("0.1gb"));
    }

    @Test
    void epochs() {
        // 1769670016 = 2026-01-29 00:00 MST (1769670000) + 16 s = 07:00:16 UTC
        assertEquals(Instant.parse("2026-01-29T07:00:16Z"), PbsValues.epoch("1769670016"));
        assertEquals(Instant.parse("1970-01-01T00:00:00Z"), PbsValues.epoch("0"));
        assertEquals(Instant.parse("1969-12-31T23:59:59Z"), PbsValues.epoch("-1"));
        assertNull(PbsValues.epoch("1769670016.5"));
        assertNull(PbsValues.epoch(""));
        assertNull(PbsValues.epoch(null));
        assertNull(PbsValues.epoch("abc"));
        // Past year 9999 the reference cannot build a timestamp either.
        assertNull(PbsValues.epoch("999999999999"));
    }

    @Test
    void integers() {
        assertEquals(12, PbsValues.int32("12"));
        assertEquals(-3, PbsValues.int32("-3"));
        assertEquals(7, PbsValues.int32("+7"));
        assertNull(PbsValues.int32("12.0"));
        assertNull(PbsValues.int32(""));
        assertNull(PbsValues.int32("abc"));
        assertNull(PbsValues.int32("99999999999"), "past a Java int");
    }
}
