package org.hpcusage.plugin.lustre;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanBytes;
import org.hpcusage.spi.scan.ScanLines;
import org.hpcusage.spi.scan.ScanParser;
import org.pf4j.Extension;

/**
 * Lines of {@code lfs find --printf '%LF s=%s b=%b u=%U g=%G p=%LP type=%y perm=%m a=%A@ m=%T@ c=%C@ -- %p\n'}
 * (the reference's {@code bin/lustre_scan_depth.sh}): a lower-case hex FID, {@code key=value}
 * fields, then the path after the first whitespace-{@code --}-whitespace. {@code allocated = b × 512};
 * the atime (epoch seconds) becomes naive local time in the input's zone. Directories
 * ({@code type=d}) and regular files ({@code type=f}) are entries; other types (symlinks,
 * sockets, ...) are left out as the reference does (§14 D12). {@code #} comment lines are skipped;
 * other lines that do not parse are rejected with the reason.
 */
@Extension
public final class LustreLfsFindScanParser implements ScanParser {

    @Override
    public String format() {
        return "lustre";
    }

    /** The first line that is not a comment starts with a FID {@code 0xHEX:0xHEX:0xHEX}. */
    @Override
    public boolean recognizes(byte[] head) {
        return ScanBytes.firstLine(head, LustreLfsFindScanParser::ignorable, (b, start, end) -> fidEnd(b, start, end) > 0);
    }

    @Override
    public void parse(ScanInput input, EntrySink sink) throws IOException {
        ScanLines lines = new ScanLines(input.in());
        Line line = new Line(input.zone() == null ? ZoneOffset.UTC : input.zone());
        while (lines.next()) {
            if (lines.tooLong()) {
                sink.reject(lines.lineNumber(), "line longer than " + (ScanLines.MAX_LINE_LENGTH >> 20) + " MiB");
                continue;
            }
            byte[] b = lines.buffer();
            if (ignorable(b, lines.start(), lines.end())) {
                continue;
            }
            String problem = line.parse(b, lines.start(), lines.end());
            if (problem != null) {
                sink.reject(lines.lineNumber(), problem);
            } else if (line.type == 'd' || line.type == 'f') {
                sink.accept(line.entry());
            }
        }
    }

    /** One line of the lfs find --printf layout; the atime (naive UTC seconds) is written as is. */
    @Override
    public void write(FileEntry e, Appendable out) throws IOException {
        String time = e.atime() == FileEntry.NO_TIME ? "0" : Long.toString(e.atime());
        out.append("0x200000400:0x").append(Long.toHexString(fid++)).append(":0x0 s=").append(Long.toString(e.size()))
                .append(" b=").append(Long.toString((e.allocated() + 511) / 512)).append(" u=").append(Long.toString(e.uid()))
                .append(" g=").append(Long.toString(e.gid())).append(" p= type=").append(e.directory() ? "d" : "f")
                .append(" perm=").append(e.directory() ? "0755" : "0644").append(" a=").append(time).append(" m=").append(time)
                .append(" c=").append(time).append(" -- ").append(e.path()).append('\n');
    }

    private long fid = 1;

    static boolean ignorable(byte[] b, int start, int end) {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        return i == end || b[i] == '#';
    }

    static boolean space(byte c) {
        return ScanBytes.isSpace(c);
    }

    private static boolean hex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    /** End of a {@code 0xH:0xH:0xH} FID at {@code from}, or -1 (upper-case hex does not match, as in the reference). */
    static int fidEnd(byte[] b, int from, int end) {
        int i = from;
        for (int part = 0; part < 3; part++) {
            if (part > 0) {
                if (i >= end || b[i] != ':') {
                    return -1;
                }
                i++;
            }
            if (i + 2 > end || b[i] != '0' || b[i + 1] != 'x') {
                return -1;
            }
            i += 2;
            int s = i;
            while (i < end && hex(b[i])) {
                i++;
            }
            if (i == s) {
                return -1;
            }
        }
        return i;
    }

    /** One line's values; reused across lines. */
    static final class Line {
        private final ZoneRules zone;
        private final boolean utc;
        private byte[] b;
        private int end;
        long size;
        long blocks;
        long uid;
        long gid;
        int type;
        long atime;
        String path;

        Line(ZoneId zone) {
            this.zone = zone.getRules();
            this.utc = zone.getRules().isFixedOffset() && zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() == 0;
        }

        String parse(byte[] bytes, int start, int stop) {
            b = bytes;
            end = stop;
            size = blocks = uid = gid = atime = -1;
            type = -1;
            int fid = fidEnd(b, start, end);
            if (fid < 0 || fid >= end || !space(b[fid])) {
                return "not an lfs find line (expected a FID 0x..:0x..:0x.. first)";
            }
            int fieldsStart = fid;
            while (fieldsStart < end && space(b[fieldsStart])) {
                fieldsStart++;
            }
            int fieldsEnd = separator(fieldsStart);
            if (fieldsEnd < 0) {
                return "no ' -- ' before the path";
            }
            int i = fieldsStart;
            while (i < fieldsEnd) {
                while (i < fieldsEnd && space(b[i])) {
                    i++;
                }
                int t = i;
                while (i < fieldsEnd && !space(b[i])) {
                    i++;
                }
                field(t, i);
            }
            if (size < 0) {
                return "missing or bad s= (size)";
            }
            if (blocks < 0) {
                return "missing or bad b= (512-byte blocks)";
            }
            if (uid < 0) {
                return "missing or bad u= (uid)";
            }
            if (gid < 0) {
                return "missing or bad g= (gid)";
            }
            if (type < 0) {
                return "missing type=";
            }
            if (atime < 0) {
                return "missing or bad a= (access time, epoch seconds)";
            }
            return null;
        }

        private void field(int t, int tokenEnd) {
            int eq = t;
            while (eq < tokenEnd && b[eq] != '=') {
                eq++;
            }
            if (eq == tokenEnd) {
                return;
            }
            int keyLength = eq - t;
            int v = eq + 1;
            if (keyLength == 1) {
                switch (b[t]) {
                    case 's' -> size = size < 0 ? digits(v, tokenEnd, false) : size;
                    case 'b' -> blocks = blocks < 0 ? digits(v, tokenEnd, false) : blocks;
                    case 'u' -> uid = uid < 0 ? digits(v, tokenEnd, false) : uid;
                    case 'g' -> gid = gid < 0 ? digits(v, tokenEnd, false) : gid;
                    case 'a' -> atime = atime < 0 ? digits(v, tokenEnd, true) : atime;
                    default -> { }
                }
            } else if (keyLength == 4 && b[t] == 't' && b[t + 1] == 'y' && b[t + 2] == 'p' && b[t + 3] == 'e'
                    && type < 0 && tokenEnd - v == 1) {
                type = b[v];
            }
        }

        /** 1..18 digits filling the token; with {@code fraction}, a ".ddd" tail is allowed and dropped. */
        private long digits(int from, int to, boolean fraction) {
            long value = 0;
            int i = from;
            while (i < to && b[i] >= '0' && b[i] <= '9' && i - from < 18) {
                value = value * 10 + (b[i] - '0');
                i++;
            }
            if (i == from) {
                return -1;
            }
            if (i < to && fraction && b[i] == '.') {
                i++;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    i++;
                }
            }
            return i == to ? value : -1;
        }

        private int separator(int fieldsStart) {
            int p = ScanBytes.pathStart(b, fieldsStart, end);
            if (p < 0) {
                return -1;
            }
            path = FileEntry.decodePath(b, p, end - p);
            return ScanBytes.fieldsEnd(b, fieldsStart, p);
        }

        FileEntry entry() {
            long local = utc ? atime : atime + zone.getOffset(Instant.ofEpochSecond(atime)).getTotalSeconds();
            return new FileEntry(path, size, blocks * 512, uid, gid, type == 'd', local);
        }
    }
}
