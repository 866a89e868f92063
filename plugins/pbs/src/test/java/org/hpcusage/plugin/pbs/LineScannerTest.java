package org.hpcusage.plugin.pbs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Physical lines: {@code \n} ends a line, one {@code \r} before it is dropped, over-long lines are flagged. */
class LineScannerTest {

    private static List<String> lines(Reader in, int max) throws IOException {
        LineScanner s = new LineScanner(in, max);
        List<String> out = new ArrayList<>();
        while (s.next()) {
            out.add(s.lineNumber() + ":" + (s.tooLong() ? "<too long>" : new String(s.buffer(), s.start(), s.end() - s.start())));
        }
        return out;
    }

    private static List<String> lines(String text, int max) throws IOException {
        return lines(new StringReader(text), max);
    }

    @Test
    void lineEnds() throws IOException {
        assertEquals(List.of(), lines("", 100));
        assertEquals(List.of("1:a"), lines("a", 100));
        assertEquals(List.of("1:a"), lines("a\n", 100));
        assertEquals(List.of("1:a", "2:"), lines("a\n\n", 100));
        assertEquals(List.of("1:a", "2:b"), lines("a\r\nb\r\n", 100));
        assertEquals(List.of("1:a", "2:b"), lines("a\r\nb\r", 100));
        assertEquals(List.of("1:a\rb"), lines("a\rb\n", 100), "a lone CR is not a line end");
        assertEquals(List.of("1:a\r"), lines("a\r\r\n", 100), "only one CR is dropped");
    }

    @Test
    void overLongLinesAreSkippedToTheirEnd() throws IOException {
        String text = "short\n" + "x".repeat(50) + "\nafter\n" + "y".repeat(40);
        assertEquals(List.of("1:short", "2:<too long>", "3:after", "4:<too long>"), lines(text, 16));
    }

    @Test
    void linesAcrossManySmallReads() throws IOException {
        // A reader that hands out one char at a time exercises every refill path.
        String text = "first line\nsecond\r\n" + "z".repeat(200_000) + "\nlast";
        Reader trickle = new StringReader(text) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(len, 7));
            }
        };
        List<String> got = lines(trickle, 1 << 20);
        assertEquals(4, got.size());
        assertEquals("1:first line", got.get(0));
        assertEquals("2:second", got.get(1));
        assertEquals(2 + 200_000, got.get(2).length());
        assertEquals("4:last", got.get(3));
    }
}
