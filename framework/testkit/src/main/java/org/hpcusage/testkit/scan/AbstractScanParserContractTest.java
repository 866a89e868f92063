package org.hpcusage.testkit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanParser;
import org.junit.jupiter.api.Test;

/**
 * Generic checks every {@link ScanParser} must pass. A plugin's test supplies the parser and a
 * small sample (with {@code \n} line ends, ending in a newline, every data line an entry, the
 * last one a file); the format's golden values stay in the plugin's own tests.
 */
public abstract class AbstractScanParserContractTest {

    protected abstract ScanParser parser();

    /** A small well-formed scan, {@code \n} line ends, ending in a newline and an entry line. */
    protected abstract String sampleInput();

    /** How many entries {@link #sampleInput()} holds. */
    protected abstract int expectedEntryCount();

    /** A line no parser of this format can read; inserted after the first line. */
    protected String malformedLine() {
        return "\u0001\u0002 binary junk, not a scan line \u0003";
    }

    /** Entries and rejects of one parse. */
    protected record Parsed(List<FileEntry> entries, List<String> rejects) {
    }

    protected Parsed parse(byte[] bytes) {
        List<FileEntry> entries = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        try {
            parser().parse(new ScanInput("contract", new ByteArrayInputStream(bytes), ZoneOffset.UTC), new EntrySink() {
                @Override
                public void accept(FileEntry entry) {
                    entries.add(entry);
                }

                @Override
                public void reject(long line, String reason) {
                    rejects.add(line + ": " + reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(entries, rejects);
    }

    protected Parsed parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void formatNameIsLowerCaseAndStable() {
        String name = parser().format();
        assertFalse(name.isBlank());
        assertEquals(name.toLowerCase(Locale.ROOT), name);
        assertEquals(name, parser().format());
    }

    @Test
    void sampleParsesCleanly() {
        Parsed p = parse(sampleInput());
        assertEquals(List.of(), p.rejects());
        assertEquals(expectedEntryCount(), p.entries().size());
        assertTrue(parser().recognizes(sampleInput().getBytes(StandardCharsets.UTF_8)), "recognizes its own sample");
    }

    @Test
    void emptyInputGivesNothing() {
        Parsed p = parse("");
        assertEquals(List.of(), p.entries());
        assertEquals(List.of(), p.rejects());
        assertFalse(parser().recognizes(new byte[0]));
    }

    @Test
    void lineEndingsDoNotMatter() {
        Parsed lf = parse(sampleInput());
        assertEquals(lf, parse(sampleInput().replace("\n", "\r\n")), "CRLF");
        assertEquals(lf, parse(sampleInput().substring(0, sampleInput().length() - 1)), "no final newline");
    }

    @Test
    void aMalformedLineIsRejectedWithItsNumberAndParsingGoesOn() {
        int firstEnd = sampleInput().indexOf('\n') + 1;
        String text = sampleInput().substring(0, firstEnd) + malformedLine() + "\n" + sampleInput().substring(firstEnd);
        Parsed p = parse(text);
        assertEquals(1, p.rejects().size(), p.rejects().toString());
        assertTrue(p.rejects().get(0).startsWith("2: "), p.rejects().toString());
        assertEquals(expectedEntryCount(), p.entries().size());
    }

    @Test
    void aTruncatedLastLineIsRejectedNotGuessed() {
        String s = sampleInput();
        int lastStart = s.lastIndexOf('\n', s.length() - 2) + 1;
        String last = s.substring(lastStart, s.length() - 1);
        Parsed p = parse(s.substring(0, lastStart) + last.substring(0, Math.max(1, last.length() / 3)) + "\n");
        assertEquals(expectedEntryCount() - 1, p.entries().size());
        assertEquals(1, p.rejects().size(), p.rejects().toString());
    }

    @Test
    void parsingTwiceGivesTheSameEntries() {
        assertEquals(parse(sampleInput()), parse(sampleInput()));
    }

    /** Formats that can be written must read back what they write. */
    @Test
    void writtenEntriesParseBack() throws IOException {
        List<FileEntry> entries = parse(sampleInput()).entries();
        StringWriter out = new StringWriter();
        try {
            for (FileEntry e : entries) {
                parser().write(e, out);
            }
        } catch (UnsupportedOperationException e) {
            return; // not a writable format
        }
        Parsed back = parse(out.toString());
        assertEquals(List.of(), back.rejects());
        assertEquals(entries.stream().map(e -> e.path() + "|" + e.directory() + "|" + e.uid() + "|" + e.gid() + "|" + e.atime())
                .toList(), back.entries().stream().map(e -> e.path() + "|" + e.directory() + "|" + e.uid() + "|" + e.gid()
                + "|" + e.atime()).toList());
    }
}
