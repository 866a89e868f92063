package org.hpcusage.plugin.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value tables of slurm-scoreboard.md §2.3–§2.6, numbers quoted from the reference. */
class SlurmValuesTest {

    @ParameterizedTest(name = "{0} -> {1} MB")
    @CsvSource(delimiter = ';', value = {
            // §2.3 table, base 10: K = 10^3 bytes, result in 10^6-byte MB, bare number = MB
            "1024K;1.024", "1G;1000.0", "1T;1000000.0", "1.5T;1500000.0", "400;400.0", "2g;2000.0",
            "'  2G ';2000.0", "16K;0.016", "2048000K;2048.0", "31.5G;31500.0",
            "0;0.0", "'';0.0", "abc;0.0", "1P;0.0", "2Gc;0.0",
            "1e3;1000.0", // the reference's float fallback
            "-5;0.0"})    // reference gives -5.0; negatives clamped (defect D4)
    void memoryIsBaseTenMegabytes(String in, double mb) {
        assertEquals(mb, SlurmValues.memoryMb(in), 1e-9);
    }

    @ParameterizedTest(name = "{0} x {1} cpus x {2} nodes -> {3}")
    @CsvSource(delimiter = ';', value = {
            // §2.4 table
            "4000Mc;8;1;32000.0", "64Gn;1;2;128000.0", "8G;1;2;16000.0", "4000;8;2;8000.0", "2GC;4;1;8000.0",
            "1.5Gn;1;3;4500.0", "1000Mc;2;1;2000.0", "0n;4;4;0.0", "0;4;4;0.0", "'';4;4;0.0", "Unknown;4;1;0.0"})
    void requestedMemoryIsPerCpuOrPerNode(String in, int cpus, int nodes, double mb) {
        assertEquals(mb, SlurmValues.requestedMemoryMb(in, cpus, nodes), 1e-9);
    }

    @ParameterizedTest(name = "{0} -> {1} GPUs")
    @CsvSource(delimiter = ';', value = {
            // §2.5 examples; where the reference double counts, the fixed count (defect D2)
            "cpu=8,mem=32000M,gres/gpu=4;4", "gres/gpu:h100:4=4;4", "gres/gpu=;0", "gres/shard=4;0", "'';0",
            "gres/gpu:a100=2,gres/gpu=1;1",    // reference 3 (the Plan's own expectation): the untyped count wins
            "gres/gpu:a100=2,gres/gpu=2;2",    // reference 4
            "gres/gpumem=40G,gres/gpu=1;1",    // reference 41
            "gres/gpuutil=90,gres/gpu=1;1",    // reference 91
            "gres/gpu:a100=2,gres/gpu:v100=1;3"}) // typed only: summed
    void gpusAreCountedOnce(String tres, int gpus) {
        assertEquals(gpus, TresList.gpus(tres));
    }

    @Test
    void gpuTypeAndBilling() {
        assertEquals("a100", TresList.gpuType("billing=16,cpu=16,gres/gpu:a100=2,gres/gpu=2"));
        assertNull(TresList.gpuType("cpu=4,gres/gpu=2"));
        assertEquals(16.0, TresList.value("billing=16,cpu=16", "billing"));
        assertEquals(-1.0, TresList.value("cpu=16", "billing"));
    }

    @ParameterizedTest(name = "{0} failed={1}")
    @CsvSource(delimiter = ';', value = {
            // §2.6: first word in {FAILED, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED, TIMEOUT}
            "FAILED;true", "NODE_FAIL;true", "OUT_OF_MEMORY;true", "PREEMPTED;true", "TIMEOUT;true",
            "CANCELLED;false", "CANCELLED by 1001;false", "COMPLETED;false", "BOOT_FAIL;false", "DEADLINE;false",
            "'';false",        // the reference crashed (D3)
            "FAILED+;true"})   // the reference said false (D17)
    void failures(String state, boolean failed) {
        assertEquals(failed, SlurmValues.isFailure(state));
    }

    @Test
    void durations() {
        assertEquals(93_784, SlurmValues.duration("1-02:03:04")); // 86400 + 2*3600 + 3*60 + 4
        assertEquals(3_723, SlurmValues.duration("01:02:03"));
        assertEquals(125, SlurmValues.duration("02:05.123"));     // MM:SS.fff
        assertEquals(2 * 86_400 + 3 * 3600 + 60, SlurmValues.duration("2-03:01")); // D-HH:MM
        assertEquals(-1, SlurmValues.duration("UNLIMITED"));
        assertEquals(-1, SlurmValues.duration(""));
        assertEquals(3600, SlurmValues.rawSeconds(" 3600 "));
        assertEquals(-1, SlurmValues.rawSeconds("abc"));
    }

    @Test
    void timestampsAreReadInTheGivenZone() {
        // §2.8 example 1: End 2025-07-01T01:00:00 in UTC = 1751331600
        assertEquals(1751331600L, SlurmValues.timestamp("2025-07-01T01:00:00", ZoneOffset.UTC).getEpochSecond());
        // New York is UTC-4 in summer: the same wall time is four hours later
        assertEquals(1751331600L + 4 * 3600,
                SlurmValues.timestamp("2025-07-01T01:00:00", ZoneId.of("America/New_York")).getEpochSecond());
        assertNull(SlurmValues.timestamp("2025-07-01T01:00", ZoneOffset.UTC));
        assertNull(SlurmValues.timestamp("2025-02-30T01:00:00", ZoneOffset.UTC));
        assertTrue(SlurmValues.isNoTime("Unknown"));
        assertTrue(SlurmValues.isNoTime("None"));
        assertFalse(SlurmValues.isNoTime("2025-07-01T01:00:00"));
    }

    @Test
    void usersAreLowerCasedWithoutRealm() {
        assertEquals("bob", SlurmValues.user(" Bob@REALM.EDU "));
    }
}
