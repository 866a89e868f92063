package org.hpcusage.plugin.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixScanTest {
    @TempDir
    Path temp;

    static final class Collected implements EntrySink {
        final List<FileEntry> entries = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();

        public void accept(FileEntry entry) { entries.add(entry); }
        public void reject(long line, String reason) { rejects.add(line + ": " + reason); }
    }

    private static Collected parse(byte[] bytes) throws IOException {
        Collected c = new Collected();
        new PosixFindScanParser().parse(new ScanInput("t", new ByteArrayInputStream(bytes), ZoneOffset.UTC), c);
        return c;
    }

    @Test
    void parsesTheDocumentedLayout() throws IOException {
        Collected c = parse("""
                # comment
                s=4096 b=8 u=1000 g=100 type=d a=1708547123.5 -- /data/dir with space
                s=51 b=8 u=1000 g=100 type=f a=1708547123 -- /data/dir with space/a -- b
                s=10 b=0 u=1000 g=100 type=l a=1708547123.0000000000 -- /data/link
                s=10 u=1 g=1 type=f a=1 -- /no-blocks
                s=10 b=1 u=1 g=1 type=f a=1 /no-separator
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("5: missing or bad b= (512-byte blocks)", "6: no ' -- ' before the path"), c.rejects);
        assertEquals(new FileEntry("/data/dir with space", 4096, 4096, 1000, 100, true, 1708547123L), c.entries.get(0));
        assertEquals(new FileEntry("/data/dir with space/a -- b", 51, 4096, 1000, 100, false, 1708547123L), c.entries.get(1));
        assertFalse(c.entries.get(2).directory(), "a symlink counts as a file");
        assertTrue(new PosixFindScanParser().recognizes("# x\ns=1 b=1".getBytes(StandardCharsets.UTF_8)));
        assertFalse(new PosixFindScanParser().recognizes("<0> 1 1 0 s=1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writtenLinesParseBackToTheSameEntry() throws IOException {
        FileEntry e = new FileEntry("/x/caf\u00e9 -- y", 5000, 8192, 7, 8, false, 1_700_000_000L);
        StringWriter w = new StringWriter();
        new PosixFindScanParser().write(e, w);
        assertEquals(List.of(e), parse(w.toString().getBytes(StandardCharsets.UTF_8)).entries);
    }

    private Path tree() throws IOException {
        Path root = temp.resolve("tree");
        for (int d = 0; d < 5; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d).resolve("sub " + d));
            for (int f = 0; f < 7; f++) {
                Files.write(dir.resolve("f" + f), new byte[f * 1000]);
                Files.write(dir.getParent().resolve("g" + f + ".dat"), new byte[f]);
            }
        }
        Files.createSymbolicLink(root.resolve("link"), root.resolve("d0"));
        return root;
    }

    private static TreeSet<String> signature(List<FileEntry> entries) {
        TreeSet<String> out = new TreeSet<>();
        for (FileEntry e : entries) {
            out.add(e.path() + "|" + e.directory() + "|" + (e.directory() ? "" : e.size()) + "|" + e.uid() + "|" + e.gid());
        }
        return out;
    }

    @Test
    void theWalkerSeesWhatFindSees() throws Exception {
        Path root = tree();
        Collected walked = new Collected();
        new PosixWalkScanSource().scan(root, 4, ZoneOffset.UTC, walked);
        assertEquals(List.of(), walked.rejects);
        // 1 root + 5 d* + 5 sub* directories; 35 g*.dat + 35 f* files + 1 symlink
        assertEquals(11, walked.entries.stream().filter(FileEntry::directory).count());
        assertEquals(71, walked.entries.stream().filter(e -> !e.directory()).count());
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/find")), "no find; comparison skipped");
        Process find = new ProcessBuilder("/usr/bin/find", root.toString(), "-printf", "s=%s b=%b u=%U g=%G type=%y a=%A@ -- %p\\n")
                .redirectErrorStream(true).start();
        byte[] out = find.getInputStream().readAllBytes();
        assertEquals(0, find.waitFor());
        Collected found = parse(out);
        assertEquals(List.of(), found.rejects);
        assertEquals(signature(found.entries), signature(walked.entries));
    }

    @Test
    void theFindSourceGivesFindsOwnRecordsWithAnyNumberOfProcesses() throws Exception {
        Assumptions.assumeTrue(FindScanSource.available(), "no GNU find; skipped");
        Path root = tree();
        Files.write(root.resolve("d1").resolve("new\nline"), new byte[3]); // one record, not two lines
        Process find = new ProcessBuilder("find", root.toString(), "-printf", "s=%s b=%b u=%U g=%G type=%y a=%A@ -- %p\\n")
                .redirectErrorStream(true).start();
        Collected found = parse(find.getInputStream().readAllBytes());
        assertEquals(0, find.waitFor());
        // find's own line layout splits the name with a newline: its second half is rejected
        assertEquals(1, found.rejects.size(), found.rejects.toString());
        FileEntry half = found.entries.stream().filter(e -> e.path().endsWith("/d1/new")).findFirst().orElseThrow();
        found.entries.remove(half);
        found.entries.add(new FileEntry(half.path() + "\nline", half.size(), half.allocated(), half.uid(), half.gid(), false,
                half.atime()));
        for (int threads : new int[] {1, 2, 8}) {
            Collected c = new Collected();
            new FindScanSource().scan(root, threads, ZoneOffset.UTC, c);
            assertEquals(List.of(), c.rejects);
            assertEquals(signature(found.entries).size(), c.entries.size(), "each entry once, threads " + threads);
            assertEquals(signature(found.entries), signature(c.entries), "threads " + threads);
            // allocated is find's st_blocks × 512: the same entries as find's listing, bytes included
            java.util.Map<String, Long> blocks = new java.util.HashMap<>();
            found.entries.forEach(e -> blocks.put(e.path(), e.allocated()));
            for (FileEntry e : c.entries) {
                assertEquals(blocks.get(e.path()), e.allocated(), e.path());
            }
        }
        // the Java walker sees the same entries
        Collected walked = new Collected();
        new PosixWalkScanSource().scan(root, 2, ZoneOffset.UTC, walked);
        assertEquals(signature(found.entries), signature(walked.entries));
    }

    @Test
    void anUnreadableDirectoryIsRejectedAndTheRestWalked() throws Exception {
        Assumptions.assumeTrue(FindScanSource.available(), "no GNU find; skipped");
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads everything; skipped");
        Path root = tree();
        Path locked = root.resolve("d2");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            Collected c = new Collected();
            new FindScanSource().scan(root, 4, ZoneOffset.UTC, c);
            assertEquals(1, c.rejects.size(), c.rejects.toString());
            assertTrue(c.rejects.get(0).contains("d2") && c.rejects.get(0).contains("Permission denied"), c.rejects.toString());
            assertTrue(c.entries.stream().anyMatch(e -> e.path().endsWith("/d4/g6.dat")));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
