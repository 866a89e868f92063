package org.hpcusage.spi.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanLinesTest {

    private static List<String> lines(byte[] input) throws IOException {
        ScanLines lines = new ScanLines(new ByteArrayInputStream(input));
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.lineNumber() + (lines.tooLong() ? " LONG" : " ")
                    + new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    @Test
    void splitsAtNewlinesDropsOneCarriageReturnAndKeepsALastUnterminatedLine() throws IOException {
        assertEquals(List.of("1 a", "2 ", "3 b\r", "4 c"), lines("a\r\n\nb\r\r\nc".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(List.of(), lines(new byte[0]));
    }

    /** find -printf '...\0': records end at NUL and keep newlines and carriage returns (they are path bytes). */
    @Test
    void nulTerminatedRecordsKeepNewlinesAndCarriageReturns() throws IOException {
        ScanLines records = new ScanLines(new ByteArrayInputStream("a\nb\r\0\0c".getBytes(StandardCharsets.ISO_8859_1)), (byte) 0);
        List<String> out = new ArrayList<>();
        while (records.next()) {
            out.add(new String(records.buffer(), records.start(), records.end() - records.start(), StandardCharsets.ISO_8859_1));
        }
        assertEquals(List.of("a\nb\r", "", "c"), out);
    }

    @Test
    void bytesThatAreNotUtf8ComeThroughUntouched() throws IOException {
        byte[] input = {'/', 'd', (byte) 0xff, (byte) 0xc3, '\n'};
        ScanLines lines = new ScanLines(new ByteArrayInputStream(input));
        assertTrue(lines.next());
        assertArrayEquals(new byte[] {'/', 'd', (byte) 0xff, (byte) 0xc3},
                Arrays.copyOfRange(lines.buffer(), lines.start(), lines.end()));
        assertFalse(lines.next());
    }

    @Test
    void aLineLongerThanTheLimitIsFlaggedAndTheNextOneReadNormally() throws IOException {
        byte[] junk = new byte[ScanLines.MAX_LINE_LENGTH * 3];
        Arrays.fill(junk, (byte) 'x');
        byte[] input = concat("ok\n".getBytes(StandardCharsets.US_ASCII), junk, "\nafter\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("1 ok", "2 LONG", "3 after"), lines(input));
    }

    @Test
    void anOverLongLastLineWithoutNewlineIsFlaggedToo() throws IOException {
        byte[] junk = new byte[ScanLines.MAX_LINE_LENGTH + 10];
        Arrays.fill(junk, (byte) 0);
        assertEquals(List.of("1 LONG"), lines(junk));
    }

    @Test
    void linesSpanningReadsAreWhole() throws IOException {
        // A stream that hands out 3 bytes a read makes every line cross buffer refills.
        byte[] data = "first line\nsecond\nthird one\n".getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        ScanLines lines = new ScanLines(trickle);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.US_ASCII));
        }
        assertEquals(List.of("first line", "second", "third one"), out);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
