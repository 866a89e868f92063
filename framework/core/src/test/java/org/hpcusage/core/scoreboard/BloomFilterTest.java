package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's Bloom parameters, test vectors and file format (slurm-scoreboard.md §3). */
class BloomFilterTest {
    @TempDir
    Path temp;

    @Test
    void sizesAsTheReference() {
        // §3.2: n_exp 1 M at p 1e-4 -> m 19,170,117 bits, k 13, 2,396,265 bytes; other sizes quoted there
        BloomFilter d = BloomFilter.create(1_000_000, 1e-4);
        assertEquals(19_170_117L, d.m());
        assertEquals(13, d.k());
        assertEquals(20L, BloomFilter.create(1, 1e-4).m());
        assertEquals(14, BloomFilter.create(1, 1e-4).k());
        assertEquals(19_171L, BloomFilter.create(1_000, 1e-4).m());
        assertEquals(1_917_012L, BloomFilter.create(100_000, 1e-4).m());
        assertEquals(191_701_168L, BloomFilter.create(10_000_000, 1e-4).m());
        assertEquals(13, BloomFilter.create(10_000_000, 1e-4).k());
        assertEquals(20L, BloomFilter.create(0, 1e-4).m()); // n_exp <= 0 is treated as 1
    }

    @Test
    void testVectorsOfTheReference() {
        // §3.3, m = 19,170,117, k = 13, JobID "100"
        assertArrayEquals(new long[] {1320246, 11851462, 3212561, 13743777, 5104876, 15636092, 6997191, 17528407,
                8889506, 250605, 10781821, 2142920, 12674136}, BloomFilter.create(1_000_000, 1e-4).indexes("100"));
        // m = 19,171 (n_exp 1000), JobID "12345": h1 and h2 are above 2^63, where 64-bit sums wrap (D6)
        assertArrayEquals(new long[] {8994, 2757, 15691, 9454, 3217, 16151, 9914, 3677, 16611, 10374, 4137, 17071, 10834},
                BloomFilter.create(1_000, 1e-4).indexes("12345"));
    }

    @Test
    void writesTheReferencesBytesAndReadsThemBack() throws IOException {
        BloomFilter f = BloomFilter.create(1_000, 1e-4);
        assertTrue(f.add("12345"));
        assertFalse(f.add("12345"));               // no new bit: n stays 1
        Path file = temp.resolve("2025-07.bloom");
        f.save(file);
        // What the reference writes, built from the spec: the sorted-keys header, LF, then the
        // 2,397 bitset bytes with exactly the 13 vector bits set, least significant bit first.
        byte[] head = "{\"k\": 13, \"m\": 19171, \"n\": 1, \"p\": 0.0001}\n".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[head.length + 2397];
        System.arraycopy(head, 0, expected, 0, head.length);
        for (long idx : new long[] {8994, 2757, 15691, 9454, 3217, 16151, 9914, 3677, 16611, 10374, 4137, 17071, 10834}) {
            expected[head.length + (int) (idx >> 3)] |= (byte) (1 << (idx & 7));
        }
        assertEquals(2440, expected.length);       // §3.4: 43 + 2,397 bytes
        assertArrayEquals(expected, Files.readAllBytes(file));

        Path theirs = Files.write(temp.resolve("theirs.bloom"), expected);
        BloomFilter read = BloomFilter.load(theirs);
        assertTrue(read.contains("12345"));
        assertFalse(read.contains("100"));
        assertEquals(1, read.n());
        assertEquals(13, read.filledBits());
    }

    @Test
    void aDefaultFileHasTheReferencesSize() throws IOException {
        BloomFilter f = BloomFilter.create(1_000_000, 1e-4);
        for (String id : new String[] {"100", "101", "103"}) {
            f.add(id);
        }
        assertEquals("{\"k\": 13, \"m\": 19170117, \"n\": 3, \"p\": 0.0001}", f.header()); // Appendix A
        assertEquals(46 + 2_396_265, f.toBytes().length);                             // §3.4: 2,396,311 bytes
        assertEquals(39, f.filledBits());                                             // 3 x 13, as bloom stats showed
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path bad = Files.write(temp.resolve("bad.bloom"), "{\"k\": 13, \"m\": 19171, \"n\": 0, \"p\": 0.0001}\n\0\0".getBytes(StandardCharsets.US_ASCII));
        IOException e = assertThrows(IOException.class, () -> BloomFilter.load(bad));
        assertTrue(e.getMessage().contains("2 bitset bytes, expected 2397"), e.getMessage());
    }

    @Test
    void falsePositiveRateIsWithinTwiceTheTarget() {
        // The Plan's test (never written in the reference): 10,000 ids into a filter for 10,000 at
        // p = 1e-3, then 100,000 other ids; expected false positives ~100, accepted up to 2 x p.
        BloomFilter f = BloomFilter.create(10_000, 1e-3);
        for (int i = 0; i < 10_000; i++) {
            f.add("job" + i);
        }
        int fp = 0;
        for (int i = 0; i < 100_000; i++) {
            if (f.contains("other" + i)) {
                fp++;
            }
        }
        assertTrue(fp <= 200, fp + " false positives in 100,000");
    }
}
