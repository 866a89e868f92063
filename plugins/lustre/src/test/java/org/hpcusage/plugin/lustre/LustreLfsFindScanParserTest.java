package org.hpcusage.plugin.lustre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.junit.jupiter.api.Test;

class LustreLfsFindScanParserTest {
    private final LustreLfsFindScanParser parser = new LustreLfsFindScanParser();
    private final List<FileEntry> entries = new ArrayList<>();
    private final List<String> rejects = new ArrayList<>();

    private void parse(String text, ZoneId zone) throws IOException {
        parser.parse(new ScanInput("t", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), zone), new EntrySink() {
            public void accept(FileEntry entry) { entries.add(entry); }
            public void reject(long line, String reason) { rejects.add(line + ": " + reason); }
        });
    }

    @Test
    void readsTheReferenceExamples() throws IOException {
        // reference §2.6: dir 16384 B / 32 blocks; file 51 B / 8 blocks → 4096 allocated;
        // large file 311033880 blocks × 512 = 159249346560 allocated
        parse("""
                # lfs scan of /lustre/path
                # Tue Feb  4 00:00:00 UTC 2026
                0x24001959d:0x1f:0x0 s=16384 b=32 u=38057 g=68122 p=1 type=d perm=0750 a=1769700762 m=1739055225 c=1739055225 -- /lustre/path/dir
                0x28001ff98:0xe66b:0x0 s=51 b=8 u=16093 g=4801 p=1 type=f perm=0755 a=1708547123 m=1670625642 c=1708547123 -- /lustre/path/file.txt
                0x28001ff98:0xe66c:0x0 s=159249182720 b=311033880 u=16093 g=4801 p= type=f perm=0755 a=1708547467 m=1539293571 c=1708547467 -- /lustre/data.tar
                """, ZoneOffset.UTC);
        assertEquals(List.of(), rejects);
        assertEquals(new FileEntry("/lustre/path/dir", 16384, 16384, 38057, 68122, true, 1769700762L), entries.get(0));
        assertEquals(new FileEntry("/lustre/path/file.txt", 51, 4096, 16093, 4801, false, 1708547123L), entries.get(1));
        assertEquals(159_249_346_560L, entries.get(2).allocated());
    }

    @Test
    void epochTimesBecomeLocalTimeOfTheGivenZone() throws IOException {
        // 1708547123 = 2024-02-21T20:25:23Z = 13:25:23 in Denver (UTC-7 in February)
        parse("0x1:0x2:0x0 s=1 b=1 u=1 g=1 p= type=f perm=0644 a=1708547123 m=1 c=1 -- /x\n", ZoneId.of("America/Denver"));
        assertEquals(LocalDateTime.parse("2024-02-21T13:25:23").toEpochSecond(ZoneOffset.UTC), entries.get(0).atime());
    }

    @Test
    void otherTypesAreLeftOutAndBadLinesRejected() throws IOException {
        parse("""
                0x1:0x2:0x0 s=1 b=1 u=1 g=1 p= type=l perm=0777 a=1 m=1 c=1 -- /link
                0X1:0X2:0X0 s=1 b=1 u=1 g=1 p= type=f perm=0644 a=1 m=1 c=1 -- /upper
                0x1:0x2:0x0 s=1 u=1 g=1 p= type=f perm=0644 a=1 m=1 c=1 -- /no-blocks
                0x1:0x2:0x0 s=1 b=1 u=1 g=1 p= type=f perm=0644 m=1 c=1 -- /no-atime
                0x1:0x2:0x0 s=1 b=1 u=1 g=1 p= type=f perm=0644 a=5.25 m=1 c=1 -- /with space -- and dashes
                """, ZoneOffset.UTC);
        assertEquals(List.of("2: not an lfs find line (expected a FID 0x..:0x..:0x.. first)",
                "3: missing or bad b= (512-byte blocks)", "4: missing or bad a= (access time, epoch seconds)"), rejects);
        assertEquals(List.of("/with space -- and dashes"), entries.stream().map(FileEntry::path).toList());
        assertEquals(5, entries.get(0).atime());
    }

    @Test
    void recognizesLfsFindOutput() {
        assertTrue(parser.recognizes("# lfs scan of /x\n# date\n0x24001959d:0x1f:0x0 s=1".getBytes(StandardCharsets.UTF_8)));
        assertFalse(parser.recognizes("<0> 1 1 0 s=1".getBytes(StandardCharsets.UTF_8)));
        assertFalse(parser.recognizes("[I] GPFS".getBytes(StandardCharsets.UTF_8)));
    }
}
