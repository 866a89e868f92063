package org.hpcusage.testkit.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.JobRecord;
import org.junit.jupiter.api.Test;

/**
 * Generic checks every {@link AccountingParser} must pass, whatever its format. A plugin's test
 * extends this and supplies the parser, a small sample input and how many jobs it holds; the
 * format-specific golden values stay in the plugin's own tests.
 *
 * <p>The sample must be written with {@code \n} line ends, end with a newline, parse with no
 * rejection, and have a complete job record as its last line (the truncation check cuts it).
 */
public abstract class AbstractAccountingParserContractTest {

    /** The parser under test (a new or shared instance: parsers hold no state between inputs). */
    protected abstract AccountingParser parser();

    /** A small well-formed input, {@code \n} line ends, ending in a newline and a job record. */
    protected abstract String sampleInput();

    /** How many jobs {@link #sampleInput()} holds. */
    protected abstract int expectedJobCount();

    /** The parser settings to parse with; none by default. */
    protected Settings settings() {
        return Settings.empty();
    }

    /**
     * The last record cut short, as a log being written or a disk filling up leaves it. By default
     * the first third of the line, which for any line-based format loses its required tail;
     * override when the format needs a different cut to be detectable.
     */
    protected String truncate(String lastLine) {
        return lastLine.substring(0, Math.max(1, lastLine.length() / 3));
    }

    /** A line no parser of this format can read; inserted after the first line of the sample. */
    protected String malformedLine() {
        return "\u0000\u0001\u0002 binary junk, not an accounting record \u0003";
    }

    /** Parses {@code text} with {@link #parser()} and {@link #settings()}. */
    protected CollectingJobSink parse(String text) {
        CollectingJobSink sink = new CollectingJobSink();
        try {
            parser().parse(new AccountingInput("test", "contract-test", new BufferedReader(new StringReader(text)),
                    settings()), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    @Test
    void sampleGivesTheExpectedJobsAndNoRejection() {
        CollectingJobSink sink = parse(sampleInput());
        assertEquals(List.of(), sink.rejections(), "rejections in the sample");
        assertEquals(expectedJobCount(), sink.jobs().size(), "jobs in the sample");
    }

    @Test
    void emptyInputGivesNothing() {
        CollectingJobSink sink = parse("");
        assertEquals(List.of(), sink.jobs());
        assertEquals(List.of(), sink.rejections());
    }

    @Test
    void crlfAndTrailingNewlineVariantsGiveTheSameJobs() {
        String lf = sampleInput();
        assertTrue(lf.endsWith("\n") && !lf.contains("\r"), "the sample must use \\n line ends and end with one");
        List<JobRecord> expected = parse(lf).jobs();
        String withoutLastNewline = lf.substring(0, lf.length() - 1);
        String crlf = lf.replace("\n", "\r\n");
        for (String variant : List.of(withoutLastNewline, crlf, crlf.substring(0, crlf.length() - 2))) {
            CollectingJobSink sink = parse(variant);
            assertEquals(List.of(), sink.rejections(), "rejections in a line-end variant");
            assertEquals(expected, sink.jobs(), "jobs of a line-end variant");
        }
    }

    @Test
    void truncatedLastRecordIsRejectedWithItsLineNumberAndEarlierJobsArrive() {
        List<String> lines = lines(sampleInput());
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, truncate(last));
        CollectingJobSink sink = parse(String.join("\n", lines) + "\n");

        List<JobRecord> all = parse(sampleInput()).jobs();
        assertEquals(List.of((long) lines.size()), sink.rejectedLines(), "the truncated last line is rejected");
        assertEquals(all.subList(0, all.size() - 1), sink.jobs(), "every earlier job still arrives");
    }

    @Test
    void malformedLineIsReportedWithItsLineNumberAndParsingGoesOn() {
        List<String> lines = lines(sampleInput());
        lines.add(1, malformedLine());
        CollectingJobSink sink = parse(String.join("\n", lines) + "\n");
        assertEquals(List.of(2L), sink.rejectedLines());
        assertEquals(parse(sampleInput()).jobs(), sink.jobs());
        String reason = sink.rejections().get(0).reason();
        assertNotNull(reason);
        assertFalse(reason.isBlank(), "a rejection says why");
    }

    @Test
    void sameInputParsedTwiceGivesEqualOutput() {
        CollectingJobSink first = parse(sampleInput());
        CollectingJobSink second = parse(sampleInput());
        assertEquals(first.jobs(), second.jobs());
        assertEquals(first.rejections(), second.rejections());
    }

    @Test
    void schedulerNameIsLowerCaseAndNonEmpty() {
        String name = parser().scheduler();
        assertNotNull(name);
        assertFalse(name.isBlank());
        assertEquals(name.toLowerCase(Locale.ROOT), name);
        assertEquals(name.strip(), name);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
