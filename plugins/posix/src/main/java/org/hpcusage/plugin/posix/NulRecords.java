package org.hpcusage.plugin.posix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Splits a stream into NUL-terminated records without copying them (find's {@code -printf ...\0}). */
final class NulRecords {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private int start;
    private int end;

    NulRecords(InputStream in) {
        this.in = in;
    }

    byte[] buffer() { return buf; }
    int start() { return start; }
    int end() { return end; }

    /** Moves to the next record; a last one without its NUL still counts. */
    boolean next() throws IOException {
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == 0) {
                    start = pos;
                    end = i;
                    pos = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = limit;
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            scan = limit;
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2); // a path is at most a few KiB; this is rare
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }
}
