package org.hpcusage.plugin.pbs;

import java.io.IOException;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;
import org.pf4j.Extension;

/**
 * Reads PBS Pro accounting day files: every End ({@code E}) record becomes a job, mapped exactly
 * as the reference tool maps it (job-history.md §2–§3).
 *
 * <p>Where the reference aborts the whole sync on one malformed line (§2.4, §12.3), this parser
 * reports the line to {@link JobSink#reject} with its 1-based physical line number and a short
 * reason, and goes on with the next line. Lines of other types are only checked for their four
 * {@code ;}-separated fields and a one-character type; well-formed ones are skipped silently.
 *
 * <p>Stateless: each {@link #parse} call has its own buffers, so one instance may serve several
 * threads. Parameters: {@code default-cputype}, {@code queue-gputype} (see {@link PbsParserSettings}).
 */
@Extension
public final class PbsAccountingParser implements AccountingParser {

    /** Longer lines are rejected unread; the widest real E record (2,487 nodes) is far below this. */
    static final int MAX_LINE_LENGTH = 4 << 20;

    @Override
    public String scheduler() {
        return "pbs";
    }

    /** A job without a site entry pays for what it asked for, like Casper. */
    @Override
    public String defaultChargingRule() {
        return RequestedResourcesChargingRuleFactory.NAME;
    }

    /** PBS's Exit_status: 0 is success; anything else (non-zero, negative start-up codes) failed. */
    @Override
    public boolean isFailure(String status) {
        return status != null && !status.isBlank() && !status.strip().equals("0");
    }

    @Override
    public void parse(AccountingInput input, JobSink sink) throws IOException {
        EndRecordReader records = new EndRecordReader(PbsParserSettings.from(input.settings()));
        LineScanner lines = new LineScanner(input.reader(), MAX_LINE_LENGTH);
        while (lines.next()) {
            if (lines.tooLong()) {
                sink.reject(lines.lineNumber(), "line longer than " + (MAX_LINE_LENGTH >> 20) + " MiB");
                continue;
            }
            char[] b = lines.buffer();
            int from = lines.start();
            int to = lines.end();
            // The type is the second field; finding the first three ';' is all a non-E line costs.
            int semi1 = PbsValues.indexOf(b, ';', from, to);
            int semi2 = semi1 < 0 ? -1 : PbsValues.indexOf(b, ';', semi1 + 1, to);
            int semi3 = semi2 < 0 ? -1 : PbsValues.indexOf(b, ';', semi2 + 1, to);
            if (semi3 < 0) {
                sink.reject(lines.lineNumber(), untyped(b, from, to, semi1 < 0 ? 1 : semi2 < 0 ? 2 : 3));
                continue;
            }
            if (semi2 != semi1 + 2) {
                sink.reject(lines.lineNumber(), "bad record type: expected one character between the first two ';'");
                continue;
            }
            if (b[semi1 + 1] != 'E') {
                continue;
            }
            JobRecord job = records.read(b, from, to, semi1, semi2, semi3);
            if (job != null) {
                sink.accept(job);
            } else {
                sink.reject(lines.lineNumber(), records.reason());
            }
        }
    }

    /** The reason for a line whose type cannot even be found. */
    private static String untyped(char[] b, int from, int to, int fields) {
        boolean blank = true;
        for (int i = from; i < to; i++) {
            char c = b[i];
            if ((c < ' ' && !PbsValues.isSpace(c)) || c == 0x7f) {
                return String.format("binary data: control character 0x%02x", (int) c);
            }
            blank &= PbsValues.isSpace(c);
        }
        if (blank) {
            return "blank line";
        }
        return "truncated record: " + fields + " of 4 ';'-separated fields";
    }
}
