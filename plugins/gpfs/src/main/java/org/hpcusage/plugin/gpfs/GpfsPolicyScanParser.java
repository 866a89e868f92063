package org.hpcusage.plugin.gpfs;

import java.io.IOException;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanBytes;
import org.hpcusage.spi.scan.ScanLines;
import org.hpcusage.spi.scan.ScanParser;
import org.pf4j.Extension;

/**
 * GPFS policy-engine LIST output ({@code mmapplypolicy} with a LIST rule and SHOW of
 * {@code key=value} attributes), one entry per line:
 * <pre>{@code <N> INODE FILESET SNAP  s=.. a=.. u=.. g=.. p=.. ac=YYYY-MM-DD HH:MM:SS ... -- PATH}</pre>
 * The path is everything after the first whitespace-{@code --}-whitespace, taken literally.
 * {@code allocated = a × 1024}, except that a file held in its inode ({@code a=0},
 * {@code s <= 4096}) counts its length. Any type other than {@code d} counts as a file.
 * Blank lines, {@code #} comments and the engine's {@code [I]}/{@code [W]} messages are skipped;
 * other lines that do not parse are rejected with the reason. Hand-written byte parsing (no
 * regular expressions): this runs once per line of files with hundreds of millions of lines.
 */
@Extension
public final class GpfsPolicyScanParser implements ScanParser {

    @Override
    public String format() {
        return "gpfs";
    }

    /** The first line that is not a message or comment starts with {@code <digits>}. */
    @Override
    public boolean recognizes(byte[] head) {
        return ScanBytes.firstLine(head, GpfsPolicyScanParser::ignorable, GpfsPolicyScanParser::startsWithInode);
    }

    /** {@code <digits>} at the start of the line. */
    private static boolean startsWithInode(byte[] b, int start, int end) {
        int j = start;
        if (j >= end || b[j++] != '<' || j >= end || !digit(b[j])) {
            return false;
        }
        while (j < end && digit(b[j])) {
            j++;
        }
        return j < end && b[j] == '>';
    }

    @Override
    public void parse(ScanInput input, EntrySink sink) throws IOException {
        ScanLines lines = new ScanLines(input.in());
        Line line = new Line();
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
            String problem = line.parse(b, start, end);
            if (problem != null) {
                sink.reject(lines.lineNumber(), problem);
            } else {
                sink.accept(line.entry());
            }
        }
    }

    /** Blank, a {@code #} comment, or a policy-engine message such as {@code [I] ...}. */
    static boolean ignorable(byte[] b, int start, int end) {
        int i = start;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        if (i == end || b[i] == '#') {
            return true;
        }
        return end - i >= 3 && b[i] == '[' && b[i + 2] == ']' && b[i + 1] >= 'A' && b[i + 1] <= 'Z';
    }

    static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Java regex {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    static boolean space(byte c) {
        return ScanBytes.isSpace(c);
    }

    /** One line's values; reused for every line so that parsing allocates only the path. */
    static final class Line {
        private byte[] b;
        private int pos;
        private int end;
        long size = -1;
        long kib = -1;
        long uid = -1;
        long gid = -1;
        int type = -1;
        long atime = FileEntry.NO_TIME;
        boolean hasAtime;
        String path;

        /** Parses {@code b[start, end)}; null when it is a usable entry, else the reason. */
        String parse(byte[] bytes, int start, int stop) {
            b = bytes;
            pos = start;
            end = stop;
            size = kib = uid = gid = -1;
            type = -1;
            hasAtime = false;
            atime = FileEntry.NO_TIME;
            if (pos >= end || b[pos] != '<') {
                return "not a LIST line (expected <N> at the start)";
            }
            pos++;
            if (number() < 0 || pos >= end || b[pos++] != '>') {
                return "not a LIST line (expected <N> at the start)";
            }
            if (!spaces() || number() < 0 || !spaces() || number() < 0 || !spaces() || number() < 0 || !spaces()) {
                return "expected inode, fileset and snapshot numbers after <N>";
            }
            int fieldsStart = pos;
            int separator = separator(fieldsStart);
            if (separator < 0) {
                return "no ' -- ' before the path";
            }
            String problem = fields(fieldsStart, separator);
            if (problem != null) {
                return problem;
            }
            return null;
        }

        /**
         * The first {@code --} with whitespace on both sides, at least one field character before
         * the whitespace run and at least one path byte after. Sets {@link #path}; returns the
         * end of the fields (start of the whitespace run) or -1.
         */
        private int separator(int fieldsStart) {
            int p = ScanBytes.pathStart(b, fieldsStart, end);
            if (p < 0) {
                return -1;
            }
            path = FileEntry.decodePath(b, p, end - p);
            return ScanBytes.fieldsEnd(b, fieldsStart, p);
        }

        /** Reads the {@code key=value} tokens we need; the first occurrence of each key wins. */
        private String fields(int from, int to) {
            int i = from;
            while (i < to) {
                while (i < to && space(b[i])) {
                    i++;
                }
                int t = i;
                while (i < to && !space(b[i])) {
                    i++;
                }
                int tokenEnd = i;
                int len = tokenEnd - t;
                if (len >= 2 && b[t + 1] == '=') {
                    switch (b[t]) {
                        case 's' -> size = size < 0 ? digits(t + 2, tokenEnd) : size;
                        case 'a' -> kib = kib < 0 ? digits(t + 2, tokenEnd) : kib;
                        case 'u' -> uid = uid < 0 ? digits(t + 2, tokenEnd) : uid;
                        case 'g' -> gid = gid < 0 ? digits(t + 2, tokenEnd) : gid;
                        case 'p' -> type = type < 0 && len > 2 ? b[t + 2] : type;
                        default -> { }
                    }
                } else if (len >= 3 && b[t] == 'a' && b[t + 1] == 'c' && b[t + 2] == '=' && !hasAtime) {
                    // ac=YYYY-MM-DD HH:MM:SS: the time is the next token
                    int d = t + 3;
                    while (i < to && space(b[i])) {
                        i++;
                    }
                    int tt = i;
                    while (i < to && !space(b[i])) {
                        i++;
                    }
                    long seconds = dateTime(d, tokenEnd, tt, i);
                    if (seconds == FileEntry.NO_TIME) {
                        return "bad ac= time (expected YYYY-MM-DD HH:MM:SS)";
                    }
                    atime = seconds;
                    hasAtime = true;
                }
            }
            if (type < 0) {
                return "missing p= (mode)";
            }
            if (size < 0) {
                return "missing or bad s= (size)";
            }
            if (uid < 0) {
                return "missing or bad u= (uid)";
            }
            if (gid < 0) {
                return "missing or bad g= (gid)";
            }
            if (!hasAtime) {
                return "missing ac= (access time)";
            }
            if (kib < 0) {
                return "missing or bad a= (KiB allocated)";
            }
            return null;
        }

        FileEntry entry() {
            long allocated = kib * 1024;
            if (allocated == 0 && size <= 4096) {
                allocated = size; // small file held in the inode
            }
            return new FileEntry(path, size, allocated, uid, gid, type == 'd', atime);
        }

        private int number() {
            int s = pos;
            while (pos < end && digit(b[pos])) {
                pos++;
            }
            return pos > s ? pos - s : -1;
        }

        private boolean spaces() {
            int s = pos;
            while (pos < end && space(b[pos])) {
                pos++;
            }
            return pos > s;
        }

        /** A whole token of 1..18 digits, else -1. */
        private long digits(int from, int to) {
            if (to <= from || to - from > 18) {
                return -1;
            }
            long v = 0;
            for (int k = from; k < to; k++) {
                if (!digit(b[k])) {
                    return -1;
                }
                v = v * 10 + (b[k] - '0');
            }
            return v;
        }

        private int two(int at) {
            return digit(b[at]) && digit(b[at + 1]) ? (b[at] - '0') * 10 + (b[at + 1] - '0') : -1;
        }

        /** {@code YYYY-MM-DD} in [d, dEnd) and {@code HH:MM:SS} in [t, tEnd) as naive seconds. */
        private long dateTime(int d, int dEnd, int t, int tEnd) {
            if (dEnd - d != 10 || tEnd - t != 8 || b[d + 4] != '-' || b[d + 7] != '-' || b[t + 2] != ':' || b[t + 5] != ':') {
                return FileEntry.NO_TIME;
            }
            int y1 = two(d);
            int y2 = two(d + 2);
            int month = two(d + 5);
            int day = two(d + 8);
            int hour = two(t);
            int minute = two(t + 3);
            int second = two(t + 6);
            if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
                    || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return FileEntry.NO_TIME;
            }
            int year = y1 * 100 + y2;
            if (day > monthLength(year, month)) {
                return FileEntry.NO_TIME;
            }
            return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        }
    }

    static int monthLength(int year, int month) {
        if (month == 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay()} but
     * without the objects and their checks (H. Hinnant's days-from-civil); this runs per line.
     */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    /** One LIST line as the policy engine writes it; a = allocated KiB rounded up. */
    @Override
    public void write(FileEntry e, Appendable out) throws IOException {
        long kib = (e.allocated() + 1023) / 1024;
        String time = e.atime() == FileEntry.NO_TIME ? "1970-01-01 00:00:00"
                : java.time.LocalDateTime.ofEpochSecond(e.atime(), 0, java.time.ZoneOffset.UTC).toString().replace('T', ' ');
        if (time.length() == 16) {
            time = time + ":00";
        }
        out.append("<0> ").append(Long.toString(inode++)).append(" 1 0 s=").append(Long.toString(e.size()))
                .append(" a=").append(Long.toString(kib)).append(" u=").append(Long.toString(e.uid()))
                .append(" g=").append(Long.toString(e.gid())).append(" m=FAu p=")
                .append(e.directory() ? "drwxr-xr-x" : "-rw-r--r--").append(" ac=").append(time)
                .append(" mt=").append(time).append(" cr=").append(time).append(" nl=1 -- ").append(e.path()).append('\n');
    }

    private long inode = 100;

    @Override
    public String toString() {
        return "gpfs policy LIST parser";
    }
}
