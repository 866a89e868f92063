package org.hpcusage.plugin.posix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without copying them: the caller reads {@link #buffer()}
 * between {@link #start()} and {@link #end()}. Lines end at {@code \n}; one {@code \r} before it
 * (CRLF files) is dropped. A last line without a terminator still counts. Bytes, because scan
 * paths need not be UTF-8.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;
    private long lineNumber;

    ByteLines(InputStream in) {
        this.in = in;
    }

    byte[] buffer() { return buf; }
    int start() { return start; }
    int end() { return end; }
    long lineNumber() { return lineNumber; }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    return found(i, i + 1);
                }
            }
            if (eof) {
                return pos < limit && found(limit, limit);
            }
            scan = limit - pos;
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
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
        start = pos;
        end = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        pos = nextPos;
        lineNumber++;
        return true;
    }
}
