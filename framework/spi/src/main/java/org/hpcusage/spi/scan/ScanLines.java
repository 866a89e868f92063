package org.hpcusage.spi.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a scan file's bytes into lines without copying them, for {@link ScanParser}s: the caller
 * reads {@link #buffer()} between {@link #start()} and {@link #end()}. Lines end at {@code \n};
 * one {@code \r} before it (CRLF files) is dropped. Records can end at another byte instead
 * (NUL for {@code find -printf ...\0}), then kept whole. A last line without a terminator still
 * counts. Bytes, because scan paths need not be UTF-8.
 *
 * <p>A line longer than {@link #MAX_LINE_LENGTH} is skipped up to its end and flagged with
 * {@link #tooLong()} (its bytes are not available), so a file of binary junk with no newline
 * cannot exhaust the heap. Not thread-safe.
 *
 * @since 0.1
 */
public final class ScanLines {

    /** Far above any real scan line (a path is at most 4 KiB on Linux); lines beyond it are flagged. @since 0.1 */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    private final InputStream in;
    private final byte terminator;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private boolean tooLong;
    private long lineNumber;

    /** Lines ending at {@code \n}. @since 0.1 */
    public ScanLines(InputStream in) {
        this(in, (byte) '\n');
    }

    /** Records ending at {@code terminator}; only {@code \n}-ended lines lose a {@code \r}. @since 0.1 */
    public ScanLines(InputStream in, byte terminator) {
        this.in = in;
        this.terminator = terminator;
    }

    /** The buffer holding the current line. @since 0.1 */
    public byte[] buffer() { return buf; }

    /** Offset of the current line's first byte. @since 0.1 */
    public int start() { return start; }

    /** Offset just past the current line's last byte (terminator excluded). @since 0.1 */
    public int end() { return end; }

    /** 1-based number of the current line. @since 0.1 */
    public long lineNumber() { return lineNumber; }

    /** True when the current line was longer than {@link #MAX_LINE_LENGTH}; it is then empty. @since 0.1 */
    public boolean tooLong() { return tooLong; }

    /** Moves to the next line; false at the end of the input. @since 0.1 */
    public boolean next() throws IOException {
        tooLong = false;
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == terminator) {
                    return found(i, i + 1);
                }
            }
            if (eof) {
                return (pos < limit || tooLong) && found(limit, limit);
            }
            if (limit - pos > MAX_LINE_LENGTH) {
                // Drop what we have of an over-long line and keep looking for its end.
                tooLong = true;
                pos = 0;
                limit = 0;
            } else if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            scan = limit;
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    private boolean found(int lineEnd, int nextPos) {
        if (tooLong) {
            start = lineEnd;
            end = lineEnd;
        } else {
            start = pos;
            end = terminator == '\n' && lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        }
        pos = nextPos;
        lineNumber++;
        return true;
    }
}
