package org.hpcusage.spi.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanBytesTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsTheFirstSeparatorWithFieldsBeforeAndAPathAfter() {
        byte[] b = bytes("s=1 b=2  --  /a -- b");
        //              0123456789012345
        int p = ScanBytes.pathStart(b, 0, b.length);
        assertEquals(13, p);                              // "/a -- b": the later " -- " is part of the path
        assertEquals(7, ScanBytes.fieldsEnd(b, 0, p));    // "s=1 b=2" ends before the two spaces
    }

    @Test
    void aSeparatorWithNothingBeforeOrNothingAfterIsSkipped() {
        byte[] leading = bytes(" -- x=1 -- /p");
        //                      0123456789012
        assertEquals(11, ScanBytes.pathStart(leading, 0, leading.length));
        assertEquals(7, ScanBytes.fieldsEnd(leading, 0, 11));
        byte[] trailing = bytes("x=1 --   ");
        assertEquals(-1, ScanBytes.pathStart(trailing, 0, trailing.length));
        byte[] glued = bytes("x=1 --/p");
        assertEquals(-1, ScanBytes.pathStart(glued, 0, glued.length));
    }

    @Test
    void whitespaceIsTheSixAsciiCharactersOfBackslashS() {
        for (char c : new char[] {' ', '\t', '\n', 0x0b, '\f', '\r'}) {
            assertTrue(ScanBytes.isSpace((byte) c), "0x" + Integer.toHexString(c));
        }
        assertFalse(ScanBytes.isSpace((byte) 0xa0));
        assertFalse(ScanBytes.isSpace((byte) '-'));
    }

    @org.junit.jupiter.api.Test
    void firstLineTestsTheFirstLineNotSkipped() {
        byte[] head = "# comment\n\n# more\nfirst real\nsecond\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ScanBytes.LineTest comment = (b, s, e) -> e == s || b[s] == '#';
        ScanBytes.LineTest startsWithF = (b, s, e) -> e > s && b[s] == 'f';
        ScanBytes.LineTest startsWithS = (b, s, e) -> e > s && b[s] == 's';
        org.junit.jupiter.api.Assertions.assertTrue(ScanBytes.firstLine(head, comment, startsWithF));
        org.junit.jupiter.api.Assertions.assertFalse(ScanBytes.firstLine(head, comment, startsWithS));
        // Only comments, or a head cut inside the first line: what is there is tested.
        org.junit.jupiter.api.Assertions.assertFalse(ScanBytes.firstLine("# a\n# b".getBytes(), comment, startsWithF));
        org.junit.jupiter.api.Assertions.assertTrue(ScanBytes.firstLine("# a\nfir".getBytes(), comment, startsWithF));
    }
}
