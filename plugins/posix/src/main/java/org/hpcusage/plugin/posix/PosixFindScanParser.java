package org.hpcusage.plugin.posix;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanBytes;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanLines;
import org.hpcusage.spi.scan.ScanParser;
import org.pf4j.Extension;

/**
 * The POSIX scan layout, one entry per line, as GNU find writes it with
 * <pre>{@code find TREE -printf 's=%s b=%b u=%U g=%G type=%y a=%A@ -- %p\n'}</pre>
 * (the Lustre layout without FID, pool and permissions). {@code allocated = b × 512} (find's
 * {@code %b} counts 512-byte blocks); {@code a=} is epoch seconds, a fraction is ignored, and
 * becomes naive local time in the input's zone. {@code type=d} is a directory; every other type
 * (f, l, p, s, ...) counts as a file, as GPFS counts them. The path is everything after the
 * first whitespace-{@code --}-whitespace, literally; find does not escape names, so a name with a
 * newline in it splits its line (the second half is rejected). {@code #} lines are comments.
 */
@Extension
public final class PosixFindScanParser implements ScanParser {

    /** The find -printf format that writes this layout. */
    public static final String FIND_PRINTF = "s=%s b=%b u=%U g=%G type=%y a=%A@ -- %p\\n";

    @Override
    public String format() {
        return "posix";
    }

    @Override
    public boolean recognizes(byte[] head) {
        return ScanBytes.firstLine(head, PosixFindScanParser::ignorable,
                (b, i, eol) -> eol - i > 3 && b[i] == 's' && b[i + 1] == '=' && b[i + 2] >= '0' && b[i + 2] <= '9');
    }

    @Override
    public void parse(ScanInput input, EntrySink sink) throws IOException {
        ScanLines lines = new ScanLines(input.in());
        ZoneRules zone = (input.zone() == null ? ZoneOffset.UTC : input.zone()).getRules();
        while (lines.next()) {
            if (lines.tooLong()) {
                sink.reject(lines.lineNumber(), "line longer than " + (ScanLines.MAX_LINE_LENGTH >> 20) + " MiB");
                continue;
            }
            byte[] b = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            if (ignorable(b, start, end)) {
                continue;
            }
            Object r = record(b, start, end, zone);
            if (r instanceof FileEntry e) {
                sink.accept(e);
            } else {
                sink.reject(lines.lineNumber(), (String) r);
            }
        }
    }

    /**
     * One record of the layout in {@code b[start, end)}: its {@link FileEntry}, or the reason it
     * cannot be read (a String). Also used for find's NUL-terminated records ({@link FindScanSource}).
     */
    static Object record(byte[] b, int start, int end, ZoneRules zone) {
        int sep = separator(b, start, end);
        if (sep < 0) {
            return "no ' -- ' before the path";
        }
        long size = -1;
        long blocks = -1;
        long uid = -1;
        long gid = -1;
        long atime = -1;
        int type = -1;
        int i = start;
        while (i < sep) {
            while (i < sep && b[i] == ' ') {
                i++;
            }
            int t = i;
            while (i < sep && b[i] != ' ') {
                i++;
            }
            if (i - t >= 2 && b[t + 1] == '=') {
                switch (b[t]) {
                    case 's' -> size = size < 0 ? number(b, t + 2, i) : size;
                    case 'b' -> blocks = blocks < 0 ? number(b, t + 2, i) : blocks;
                    case 'u' -> uid = uid < 0 ? number(b, t + 2, i) : uid;
                    case 'g' -> gid = gid < 0 ? number(b, t + 2, i) : gid;
                    case 'a' -> atime = atime < 0 ? number(b, t + 2, i) : atime;
                    default -> { }
                }
            } else if (i - t == 6 && b[t] == 't' && b[t + 1] == 'y' && b[t + 2] == 'p' && b[t + 3] == 'e' && b[t + 4] == '='
                    && type < 0) {
                type = b[t + 5];
            }
        }
        String problem = size < 0 ? "missing or bad s= (size)" : blocks < 0 ? "missing or bad b= (512-byte blocks)"
                : uid < 0 ? "missing or bad u= (uid)" : gid < 0 ? "missing or bad g= (gid)"
                : type < 0 ? "missing type=" : atime < 0 ? "missing or bad a= (access time, epoch seconds)" : null;
        if (problem != null) {
            return problem;
        }
        int p = sep + 3;
        while (p < end && b[p] == ' ') {
            p++;
        }
        long local = atime + (zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH)
                : zone.getOffset(Instant.ofEpochSecond(atime))).getTotalSeconds();
        return new FileEntry(FileEntry.decodePath(b, p, end - p), size, blocks * 512, uid, gid, type == 'd', local);
    }

    /** Writes the layout; a newline inside a name is written as the two characters {@code \n}. */
    @Override
    public void write(FileEntry e, Appendable out) throws IOException {
        out.append("s=").append(Long.toString(e.size())).append(" b=").append(Long.toString((e.allocated() + 511) / 512))
                .append(" u=").append(Long.toString(e.uid())).append(" g=").append(Long.toString(e.gid()))
                .append(" type=").append(e.directory() ? 'd' : 'f').append(" a=")
                .append(Long.toString(e.atime() == FileEntry.NO_TIME ? 0 : e.atime())).append(" -- ")
                .append(e.path().indexOf('\n') < 0 ? e.path() : e.path().replace("\n", "\\n")).append('\n');
    }

    static boolean ignorable(byte[] b, int start, int end) {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i == end || b[i] == '#';
    }

    /** Index of the first " -- " followed by a path, or -1. */
    private static int separator(byte[] b, int start, int end) {
        for (int j = start + 1; j + 3 < end; j++) {
            if (b[j] == ' ' && b[j + 1] == '-' && b[j + 2] == '-' && b[j + 3] == ' ') {
                return j;
            }
        }
        return -1;
    }

    /** Digits filling [from, to), a ".fraction" tail allowed and dropped; -1 if not a number. */
    private static long number(byte[] b, int from, int to) {
        long v = 0;
        int i = from;
        while (i < to && b[i] >= '0' && b[i] <= '9' && i - from < 18) {
            v = v * 10 + (b[i] - '0');
            i++;
        }
        if (i == from) {
            return -1;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        }
        return i == to ? v : -1;
    }

}
