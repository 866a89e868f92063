package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Select-string parsing, reference §3.3, including the '+' quirk. */
class PbsSelectTest {

    @Test
    void allFourKeys() {
        assertEquals(new PbsSelect.Values(128, 1, "genoa", null),
                PbsSelect.of("1:ncpus=128:mpiprocs=128:mem=235GB:ompthreads=1:cpu_type=genoa"));
    }

    @Test
    void onlyOmpthreads() {
        assertEquals(new PbsSelect.Values(null, 1, null, null), PbsSelect.of("1:ncpus=4:mem=70GB:ompthreads=1"));
    }

    @Test
    void emptyOrAbsentGiveNothing() {
        assertEquals(new PbsSelect.Values(null, null, null, null), PbsSelect.of(""));
        assertEquals(new PbsSelect.Values(null, null, null, null), PbsSelect.of(null));
    }

    @Test
    void plusIsNotAChunkSeparator() {
        // Tokens: 1, ncpus=128, mpiprocs=128+2 (not an integer: ignored), ncpus=64, mpiprocs=64 (wins).
        assertEquals(64, PbsSelect.of("1:ncpus=128:mpiprocs=128+2:ncpus=64:mpiprocs=64").mpiprocs());
        // The type runs to the next ':' and so keeps the next chunk's count.
        assertEquals("a100+1", PbsSelect.of("1:ngpus=1:gpu_type=a100+1:ncpus=4").gpuType());
    }

    @Test
    void laterTokensOverwriteAndBadIntegersKeepTheEarlierValue() {
        assertEquals(new PbsSelect.Values(8, 2, "milan", "a100"),
                PbsSelect.of("1:mpiprocs=4:cpu_type=genoa:mpiprocs=8:ompthreads=2:ompthreads=x:cpu_type=milan:gpu_type=a100"));
    }

    @Test
    void valueSplitsAtTheFirstEquals() {
        assertEquals("a=b", PbsSelect.of("1:gpu_type=a=b").gpuType());
    }

    @Test
    void emptyTypeCountsAsNotGiven() {
        assertEquals(new PbsSelect.Values(null, null, null, "h100"), PbsSelect.of("1:cpu_type=:gpu_type=h100"));
    }
}
