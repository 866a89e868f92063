package org.hpcusage.plugin.pbs;

import static org.hpcusage.plugin.pbs.PbsFixtures.DERECHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.hpcusage.testkit.accounting.CollectingJobSink.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed lines: where the reference aborts the whole sync or drops a record silently, this
 * parser reports the line's number and a reason, and the records after it still arrive.
 */
class PbsRejectionTest {

    private static final String GOOD_1 = new ERecord().id("1000001.desched1").line();
    private static final String GOOD_2 = new ERecord().id("1000002.desched1").line();
    private static final String Q_LINE = "01/29/2026 00:00:07;Q;1000003.desched1;user=ampsrt queue=main ctime=1769670007 etime=0 ";

    /** Parses: good, Q, bad, good; the bad line is line 3. */
    private static Rejection rejectionOf(String bad) {
        CollectingJobSink sink = PbsFixtures.parse(String.join("\n", GOOD_1, Q_LINE, bad, GOOD_2) + "\n", DERECHO);
        assertEquals(List.of("1000001.desched1", "1000002.desched1"), sink.jobs().stream().map(JobRecord::jobId).toList(),
                "the good records on both sides arrive");
        assertEquals(1, sink.rejections().size(), () -> "one rejection: " + sink.rejections());
        Rejection r = sink.rejections().get(0);
        assertEquals(3, r.line(), "line number");
        return r;
    }

    private static void assertReason(String bad, String expectedPart) {
        String reason = rejectionOf(bad).reason();
        assertTrue(reason.contains(expectedPart), () -> "reason '" + reason + "' should mention '" + expectedPart + "'");
        assertTrue(reason.length() < 160 && reason.indexOf('\n') < 0, "a short one-line reason");
    }

    @Test
    void spaceInsideAValue() {
        assertReason(new ERecord().with("jobname", "my job").line(), "attribute without '=' (space inside a value?): 'job'");
    }

    @Test
    void quotedValueWithASpaceIsStillBroken() {
        // No quote handling, as in the reference: "Big Project" splits into two tokens.
        assertReason(new ERecord().with("account", "\"Big Project\"").line(), "attribute without '='");
    }

    @Test
    void blankAndWhitespaceOnlyLines() {
        assertReason("", "blank line");
        assertReason("   \t ", "blank line");
    }

    @Test
    void truncatedRecord() {
        assertReason("01/29/2026 00:00:16;E;4779496.desched1", "truncated record: 3 of 4");
        assertReason("01/29/2026 00:00:16;E", "truncated record: 2 of 4");
        assertReason("01/29/2026 00:00:16", "truncated record: 1 of 4");
    }

    @Test
    void truncatedInsideAnAttribute() {
        String whole = new ERecord().line();
        assertReason(whole.substring(0, whole.indexOf("Exit_status") + 4), "attribute without '='");
    }

    @Test
    void truncatedAfterAnAttributeLosesRequiredOnes() {
        String whole = new ERecord().line();
        assertReason(whole.substring(0, whole.indexOf(" end=")), "missing required attributes: Exit_status, end");
    }

    @Test
    void extraSemicolon() {
        assertReason(new ERecord().with("jobname", "a;b").line(), "';' inside the message");
    }

    @Test
    void keyWithTwoDots() {
        assertReason(new ERecord().with("Resource_List.foo.bar", "1").line(), "key with more than one '.': 'Resource_List.foo.bar'");
    }

    @Test
    void binaryJunk() {
        assertReason("\u0000\u0000\u0007\u00ff\ufffd garbage", "binary data: control character 0x00");
        assertReason(new ERecord().with("jobname", "ab\u0001cd").line(), "binary data: control character 0x01");
    }

    @Test
    void binaryJunkBeforeARecordOnTheSameLine() {
        // A block of NULs from a damaged disk glued to the start of a record: its time is no time.
        assertReason("\u0000\u0000\u0000" + new ERecord().line(), "bad record time");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"jobname", "user", "queue", "Exit_status", "ctime", "etime", "start", "end"})
    void missingRequiredAttribute(String key) {
        assertReason(new ERecord().without(key).line(), "missing required attribute: " + key);
    }

    @Test
    void freeTextEndRecord() {
        assertReason("01/29/2026 00:00:16;E;4779496.desched1;", "missing required attributes: jobname, user, queue, Exit_status, ctime, etime, start, end");
    }

    @Test
    void timesOutOfOrder() {
        assertReason(new ERecord().with("ctime", "1769669950").line(), "submit (ctime) after eligible (etime)");
        assertReason(new ERecord().with("etime", "1769670000").line(), "eligible (etime) after start");
        assertReason(new ERecord().with("end", "1769669980").line(), "start after end");
    }

    @Test
    void unrepairableStartZero() {
        // start=0 without resources_used.walltime stays 1970, before submit.
        assertReason(new ERecord().with("start", "0").without("resources_used.walltime").line(), "eligible (etime) after start");
    }

    @Test
    void badRecordTime() {
        assertReason(new ERecord().time("2026-01-29 00:00:16").line(), "bad record time '2026-01-29 00:00:16'");
        assertReason(new ERecord().time("13/29/2026 00:00:16").line(), "bad record time");
        assertReason(new ERecord().time("02/29/2026 00:00:16").line(), "bad record time");
        assertReason(new ERecord().time("01/29/2026 24:00:16").line(), "bad record time");
        assertReason(new ERecord().time("01/29/20x6 00:00:16").line(), "bad record time");
    }

    @Test
    void leapDayAndLeapSecondRecordTimesAreFine() {
        CollectingJobSink sink = PbsFixtures.parse(new ERecord().time("02/29/2028 23:59:61").line() + "\n", DERECHO);
        assertEquals(List.of(), sink.rejections());
        assertEquals(1, sink.jobs().size());
    }

    @Test
    void emptyJobIdAndBadType() {
        assertReason(new ERecord().id("").line(), "empty job id");
        assertReason("01/29/2026 00:00:16;EE;1.x;user=a", "bad record type");
    }

    @Test
    void overlongLine() {
        String huge = new ERecord().with("exec_vnode", "x".repeat(PbsAccountingParser.MAX_LINE_LENGTH)).line();
        assertReason(huge, "line longer than 4 MiB");
    }

    @Test
    void wellFormedLinesOfOtherTypesAreIgnoredEvenWithBadAttributes() {
        String otherTypes = String.join("\n",
                "01/29/2026 00:00:07;Q;1.desched1;user=a jobname=has space",
                "01/01/2026 00:01:00;A;2.desched1;Job deleted as result of dependency on job 1.desched1",
                "01/29/2026 00:00:10;a;3.desched1;Priority=1023",
                "01/29/2026 00:00:10;L;license;floating license hour:0 day:0",
                GOOD_1);
        CollectingJobSink sink = PbsFixtures.parse(otherTypes + "\n", DERECHO);
        assertEquals(List.of(), sink.rejections());
        assertEquals(1, sink.jobs().size());
    }

    @Test
    void lineNumbersCountEveryPhysicalLineAndSeveralRejectionsAreAllReported() {
        String text = String.join("\n", Q_LINE, "", GOOD_1, "garbage", Q_LINE, new ERecord().without("user").line(), GOOD_2, "");
        CollectingJobSink sink = PbsFixtures.parse(text, DERECHO);
        assertEquals(List.of(2L, 4L, 6L), sink.rejectedLines());
        assertEquals(2, sink.jobs().size());
    }

    @Test
    void lineNumbersWithCrlf() {
        String text = String.join("\r\n", Q_LINE, GOOD_1, "garbage", GOOD_2) + "\r\n";
        CollectingJobSink sink = PbsFixtures.parse(text, DERECHO);
        assertEquals(List.of(3L), sink.rejectedLines());
        assertEquals(2, sink.jobs().size());
    }

    @Test
    void aTrailingBlankLineIsReported() {
        CollectingJobSink sink = PbsFixtures.parse(GOOD_1 + "\n\n", DERECHO);
        assertEquals(List.of(2L), sink.rejectedLines());
        assertEquals(1, sink.jobs().size());
    }
}
