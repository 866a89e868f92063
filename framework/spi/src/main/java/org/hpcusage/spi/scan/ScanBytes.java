package org.hpcusage.spi.scan;

/**
 * Byte-level pieces the scan layouts share ({@code fields -- path}, as GPFS LIST and
 * {@code lfs find} lines are written). On bytes, without regular expressions: parsers call them
 * once per line of files with hundreds of millions of lines.
 *
 * @since 0.1
 */
public final class ScanBytes {
    private ScanBytes() {
    }

    /** Whitespace as the reference's {@code \s}: space, tab, newline, vertical tab, form feed, return. @since 0.1 */
    public static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /**
     * The first byte of the path in {@code b[from, end)}: the path follows the first {@code --}
     * with whitespace on both sides that has at least one field byte before its whitespace and
     * at least one path byte after it. -1 when there is none. @since 0.1
     */
    public static int pathStart(byte[] b, int from, int end) {
        for (int j = from + 1; j + 2 < end; j++) {
            if (b[j] == '-' && b[j + 1] == '-' && isSpace(b[j - 1]) && isSpace(b[j + 2])) {
                if (trimEnd(b, from, j - 1) == from) {
                    continue; // nothing but whitespace before it: not the separator
                }
                int p = j + 2;
                while (p < end && isSpace(b[p])) {
                    p++;
                }
                if (p < end) {
                    return p;
                }
            }
        }
        return -1;
    }

    /**
     * The end of the fields (where the whitespace before the separator starts), for a
     * {@code pathStart} that {@link #pathStart} returned for the same {@code from}. @since 0.1
     */
    public static int fieldsEnd(byte[] b, int from, int pathStart) {
        int i = pathStart;
        while (i > from && isSpace(b[i - 1])) {
            i--;
        }
        return trimEnd(b, from, i - 3); // i - 2 is the separator's first '-'
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        return to;
    }

    /** A test of the line {@code b[start, end)} (no newline). @since 0.1 */
    @FunctionalInterface
    public interface LineTest {
        boolean test(byte[] b, int start, int end);
    }

    /**
     * Whether the first line of {@code head} that {@code skip} does not pass over (comments,
     * messages) satisfies {@code recognize}: how a parser tells its format from a file's first
     * bytes. False when every line is skipped. @since 0.1
     */
    public static boolean firstLine(byte[] head, LineTest skip, LineTest recognize) {
        int i = 0;
        while (i < head.length) {
            int eol = i;
            while (eol < head.length && head[eol] != '\n') {
                eol++;
            }
            if (!skip.test(head, i, eol)) {
                return recognize.test(head, i, eol);
            }
            i = eol + 1;
        }
        return false;
    }
}
