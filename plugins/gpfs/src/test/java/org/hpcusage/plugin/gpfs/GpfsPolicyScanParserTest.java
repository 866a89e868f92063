package org.hpcusage.plugin.gpfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class GpfsPolicyScanParserTest {

    private final GpfsPolicyScanParser parser = new GpfsPolicyScanParser();

    static final class Collected implements EntrySink {
        final List<FileEntry> entries = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();

        @Override
        public void accept(FileEntry entry) {
            entries.add(entry);
        }

        @Override
        public void reject(long line, String reason) {
            rejects.add(line + ": " + reason);
        }
    }

    private Collected parse(byte[] bytes) throws IOException {
        Collected sink = new Collected();
        parser.parse(new ScanInput("test", new ByteArrayInputStream(bytes), ZoneOffset.UTC), sink);
        return sink;
    }

    private Collected parse(String text) throws IOException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static long naive(String iso) {
        return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    }

    @Test
    void readsTheReferenceParserExample() throws IOException {
        // reference §2.5: → path /path/to/file.txt, size 4096, allocated 4096 (a=4 × 1024),
        // uid 1000, gid 100, file, atime 2024-01-15 10:30:00
        Collected c = parse("<0> 123456 1 0 s=4096 a=4 u=1000 g=100 p=-rw-r--r-- ac=2024-01-15 10:30:00 -- /path/to/file.txt\n");
        assertEquals(List.of(), c.rejects);
        assertEquals(List.of(new FileEntry("/path/to/file.txt", 4096, 4096, 1000, 100, false, naive("2024-01-15T10:30:00"))), c.entries);
    }

    @Test
    void inodeResidentFilesCountTheirLengthButMigratedOnesCountZero() throws IOException {
        Collected c = parse("""
                <0> 1 1 0 s=512 a=0 u=1 g=2 p=-rw-r--r-- ac=2024-01-15 10:30:00 -- /a
                <0> 2 1 0 s=4096 a=0 u=1 g=2 p=-rw-r--r-- ac=2024-01-15 10:30:00 -- /b
                <0> 3 1 0 s=5000 a=0 u=1 g=2 p=-rw-r--r-- ac=2024-01-15 10:30:00 -- /c
                <0> 4 1 0 s=10240 a=16 u=1 g=2 p=drwxr-xr-x ac=2024-01-15 10:30:00 -- /d
                """);
        assertEquals(List.of(512L, 4096L, 0L, 16384L), c.entries.stream().map(FileEntry::allocated).toList());
        assertEquals(List.of(false, false, false, true), c.entries.stream().map(FileEntry::directory).toList());
    }

    @Test
    void pathsKeepSpacesSeparatorsEscapesAndNonUtf8Bytes() throws IOException {
        String head = "<1> 24 0 0 s=100 a=0 u=5 g=5 m=FAu p=lrwxrwxrwx ac=2026-01-01 00:00:00 mt=2026-01-01 00:00:00 nl=1 -- ";
        byte[] latin1 = "/fs/caf\u00e9".getBytes(StandardCharsets.ISO_8859_1); // 0xE9 alone is not UTF-8
        byte[] text = (head + "/fs/root/link -- x y\n" + head + "/fs/has space.txt \n" + head + "/fs/new%0Aline\n"
                + head + "/fs/na\u00efve\n" + head).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[text.length + latin1.length + 1];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(latin1, 0, all, text.length, latin1.length);
        all[all.length - 1] = '\n';
        Collected c = parse(all);
        assertEquals(List.of("/fs/root/link -- x y", "/fs/has space.txt ", "/fs/new%0Aline", "/fs/na\u00efve", "/fs/caf\\xe9"),
                c.entries.stream().map(FileEntry::path).toList());
        assertFalse(c.entries.get(0).directory(), "a symlink counts as a file");
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumberAndParsingGoesOn() throws IOException {
        Collected c = parse("""
                [I] GPFS Test Data
                # comment

                invalid line
                <0> 1 1 0 u=1 g=2 p=-rw ac=2024-01-15 10:30:00 a=1 -- /no-size
                <0> 1 1 0 s=1 g=2 p=-rw ac=2024-01-15 10:30:00 a=1 -- /no-uid
                <0> 1 1 0 s=1 u=1 p=-rw ac=2024-01-15 10:30:00 a=1 -- /no-gid
                <0> 1 1 0 s=1 u=1 g=2 p=-rw ac=2024-01-15 10:30:00 -- /no-a
                <0> 1 1 0 s=1 u=1 g=2 p=-rw ac=2024-02-30 10:30:00 a=1 -- /bad-date
                <0> 1 1 0 s=1 u=1 g=2 p=-rw a=1 -- /no-atime
                <0> 1 1 0 s=1 u=1 g=2 p=-rw ac=2024-01-15 10:30:00 a=1 /no-separator
                <0> 7 1 0 s=1 a=1 u=1 g=2 p=-rw ac=2024-01-15 10:30:00 -- /good\r
                """);
        assertEquals(List.of("4: not a LIST line (expected <N> at the start)", "5: missing or bad s= (size)",
                "6: missing or bad u= (uid)", "7: missing or bad g= (gid)", "8: missing or bad a= (KiB allocated)",
                "9: bad ac= time (expected YYYY-MM-DD HH:MM:SS)", "10: missing ac= (access time)",
                "11: no ' -- ' before the path"), c.rejects);
        assertEquals(List.of("/good"), c.entries.stream().map(FileEntry::path).toList(), "CRLF: the \\r is not part of the path");
    }

    @Test
    void recognizesListOutputAndNothingElse() {
        assertTrue(parser.recognizes("[I] GPFS Test Data\n<0> 100 1 0 s=0 a=8".getBytes(StandardCharsets.UTF_8)));
        assertTrue(parser.recognizes("<12> 100 1 0 s=0".getBytes(StandardCharsets.UTF_8)));
        assertFalse(parser.recognizes("# lfs scan of /x\n0x24001959d:0x1f:0x0 s=1".getBytes(StandardCharsets.UTF_8)));
        assertFalse(parser.recognizes(new byte[0]));
        assertFalse(parser.recognizes("<x> 1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheSharedSampleWhenPresent() throws IOException {
        Path sample = sharedData().resolve("gpfs/20260115_test_minimal.list.list_all.log");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "shared sample not found at " + sample + "; skipped");
        Collected c;
        try (InputStream in = Files.newInputStream(sample)) {
            c = new Collected();
            parser.parse(new ScanInput(sample.getFileName().toString(), in, ZoneOffset.UTC), c);
        }
        // reference §2.5: 1 header line (skipped), 3 directories and 5 files
        assertEquals(List.of(), c.rejects);
        assertEquals(8, c.entries.size());
        assertEquals(3, c.entries.stream().filter(FileEntry::directory).count());
        // old.dat: a=1032 → 1056768 allocated bytes
        FileEntry old = c.entries.stream().filter(e -> e.path().endsWith("/old.dat")).findFirst().orElseThrow();
        assertEquals(1_056_768, old.allocated());
        assertEquals(naive("2024-01-01T10:00:00"), old.atime());
    }

    /** ../shared/data relative to the project root, found by walking up from the module. */
    static Path sharedData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of("../shared/data");
    }

    @Test
    void datesAreCountedAsJavaTimeCountsThem() {
        // every day of 1600..2400 (century and 400-year leap rules), and each month's length
        for (java.time.LocalDate d = java.time.LocalDate.of(1600, 1, 1); d.getYear() <= 2400; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), GpfsPolicyScanParser.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d.toString());
            if (d.getDayOfMonth() == 1) {
                assertEquals(d.lengthOfMonth(), GpfsPolicyScanParser.monthLength(d.getYear(), d.getMonthValue()), d.toString());
            }
        }
    }

    @Test
    void aDayPastTheEndOfTheMonthIsRejected() throws IOException {
        String ok = "<0> 1 1 0 s=1 a=1 u=1 g=1 p=-rw-r--r-- ac=2024-02-29 12:00:00 -- /a/leap\n";
        String bad = "<0> 1 1 0 s=1 a=1 u=1 g=1 p=-rw-r--r-- ac=2023-02-29 12:00:00 -- /a/notleap\n";
        Collected c = new Collected();
        new GpfsPolicyScanParser().parse(new ScanInput("x", new ByteArrayInputStream((ok + bad).getBytes(StandardCharsets.UTF_8)),
                ZoneOffset.UTC), c);
        assertEquals(1, c.entries.size());
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 0).toEpochSecond(ZoneOffset.UTC), c.entries.get(0).atime());
        assertEquals(1, c.rejects.size());
    }
}
