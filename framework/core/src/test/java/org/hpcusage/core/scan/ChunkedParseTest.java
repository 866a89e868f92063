package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.plugin.gpfs.GpfsPolicyScanParser;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanLines;
import org.junit.jupiter.api.Test;

/**
 * Chunks parsed on several threads and merged in file order give the same tree as one thread
 * reading the lines one by one: ids, every counter, histograms, and the rejected lines with their
 * numbers.
 */
class ChunkedParseTest {
    private static final long SCAN_DATE = NaiveTime.of(java.time.LocalDate.of(2026, 1, 15).atStartOfDay());

    /** Directories listed after their files, files of one directory split across chunks, repeats, junk. */
    static byte[] scan(String junkLine) {
        StringBuilder sb = new StringBuilder();
        String line = "<0> 1 1 0 s=%d a=%d u=%d g=%d p=%s ac=2025-%02d-10 08:00:00 -- %s%n";
        sb.append(String.format(line, 0, 4, 0, 0, "drwxr-xr-x", 1, "/fs/root"));
        for (int d = 0; d < 40; d++) {
            String dirPath = "/fs/root/d" + d;
            for (int f = 0; f < 25; f++) {
                int uid = d % 7 == 0 ? f % 3 : d % 5;
                sb.append(String.format(line, 100 * f, f % 4, uid, uid + 1, "-rw-r--r--", 1 + (d + f) % 12, dirPath + "/f" + f));
                if (f == 7 && d % 9 == 0) {
                    sb.append("garbage in the middle of d").append(d).append('\n');
                }
                if (f == 11 && d % 13 == 0) {
                    String sub = String.format(line, 1, 1, 9, 9, "drwxr-xr-x", 3, dirPath + "/sub");
                    sb.append(sub, 0, sub.length() - 1).append("\r\n"); // a CRLF line
                }
            }
            sb.append(String.format(line, 0, 4, d, d, "drwxr-xr-x", 2, dirPath)); // the directory after its files
            if (d == 20) {
                sb.append(junkLine);
                sb.append(String.format(line, 0, 4, 0, 0, "drwxr-xr-x", 2, "/fs/root/d3")); // a repeat
            }
        }
        sb.append(String.format(line, 5000, 0, 8, 8, "-rw-r--r--", 4, "/fs/elsewhere/orphan"));
        sb.append("<0> 1 1 0 s=1 a=1 u=1 g=1 p=-rw-r--r-- ac=2025-13-01 00:00:00 -- /fs/root/badtime\r\n");
        sb.append(String.format(line, 10, 1, 4, 4, "-rw-r--r--", 5, "/fs/root/d1/last-without-newline").trim());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> describe(ScanTree t, List<String> rejects) {
        List<String> out = new ArrayList<>();
        out.add("entries " + t.entries() + " files " + t.files() + " rejected " + t.rejected() + " orphans " + t.orphanFiles()
                + " repeats " + t.duplicateDirectories() + " dirs " + t.directoryCount());
        for (DirNode n : t.directories()) {
            out.add(n.id + " " + n.path + " parent " + (n.parent == null ? -1 : n.parent.id) + " depth " + n.depth + " nr "
                    + n.filesNr + "/" + n.sizeNr + "/" + n.dirsNr + "/" + n.atimeNr + "/" + n.uidNr + "/" + n.gidNr + " r "
                    + n.filesR + "/" + n.sizeR + "/" + n.dirsR + "/" + n.atimeR + "/" + n.uidR + "/" + n.gidR);
        }
        t.histograms().byUid().forEach((uid, c) -> out.add("uid " + uid + " " + java.util.Arrays.toString(c)));
        out.addAll(rejects);
        return out;
    }

    private static List<String> oneThread(byte[] bytes) throws Exception {
        List<String> rejects = new ArrayList<>();
        ScanTree t = new ScanTree(SCAN_DATE, rejects::add);
        new GpfsPolicyScanParser().parse(new ScanInput("x", new ByteArrayInputStream(bytes), ZoneOffset.UTC), t);
        t.finish();
        return describe(t, rejects);
    }

    private static List<String> chunked(byte[] bytes, int workers, int chunkSize) throws Exception {
        List<String> rejects = new ArrayList<>();
        ScanTree t = new ScanTree(SCAN_DATE, rejects::add);
        ChunkedParse.run(new GpfsPolicyScanParser(), "x", new ByteArrayInputStream(bytes), ZoneOffset.UTC, t, workers, chunkSize);
        t.finish();
        return describe(t, rejects);
    }

    @Test
    void chunksGiveTheSameTreeAsOneThread() throws Exception {
        byte[] bytes = scan("");
        List<String> expected = oneThread(bytes);
        // 45 directories listed: the root, d0..d39, and a sub of d0, d13, d26 and d39
        assertEquals(45, expected.stream().filter(s -> s.contains(" parent ")).count());
        // the junk lines of d0, d9, d18, d27, d36 and the bad month are rejected, with their numbers
        assertEquals(6, expected.stream().filter(s -> s.matches("\\d+: .*")).count(), expected.toString());
        assertTrue(expected.contains("10: not a LIST line (expected <N> at the start)"), expected.toString());
        for (int chunk : new int[] {64, 333, 1024, 1 << 20}) {
            for (int workers : new int[] {1, 2, 3}) {
                assertEquals(expected, chunked(bytes, workers, chunk), "chunk " + chunk + ", workers " + workers);
            }
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedOnceAtItsNumber() throws Exception {
        ByteArrayOutputStream junk = new ByteArrayOutputStream();
        byte[] x = new byte[3 * ScanLines.MAX_LINE_LENGTH];
        java.util.Arrays.fill(x, (byte) 'x');
        junk.writeBytes(x);
        junk.write('\n');
        byte[] bytes = scan(junk.toString(StandardCharsets.ISO_8859_1));
        List<String> expected = oneThread(bytes);
        assertTrue(expected.stream().anyMatch(s -> s.endsWith("line longer than 1 MiB")), expected.toString());
        assertEquals(expected, chunked(bytes, 2, 4096));
    }

    @Test
    void newlinesAreCountedEightBytesAtATime() {
        java.util.Random random = new java.util.Random(7);
        for (int len = 0; len < 300; len++) {
            byte[] b = new byte[len];
            random.nextBytes(b);
            long expected = 0;
            for (int i = 0; i < len; i++) {
                if (i % 5 == 0) {
                    b[i] = '\n';
                }
                if (b[i] == '\n') {
                    expected++;
                }
            }
            assertEquals(expected, ChunkedParse.newlines(b, len), "length " + len);
        }
    }
}
