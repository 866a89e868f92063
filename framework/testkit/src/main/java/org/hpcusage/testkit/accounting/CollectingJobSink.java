package org.hpcusage.testkit.accounting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;

/**
 * A {@link JobSink} that keeps everything it is given, in order, for assertions.
 */
public final class CollectingJobSink implements JobSink {

    /** One rejected record: its 1-based line number and the parser's reason. */
    public record Rejection(long line, String reason) {
    }

    private final List<JobRecord> jobs = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(JobRecord job) {
        jobs.add(job);
    }

    @Override
    public void reject(long line, String reason) {
        rejections.add(new Rejection(line, reason));
    }

    /** The accepted jobs, in the order they arrived. */
    public List<JobRecord> jobs() {
        return Collections.unmodifiableList(jobs);
    }

    /** The rejected records, in the order they were reported. */
    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    /** The line numbers of the rejected records, in order. */
    public List<Long> rejectedLines() {
        return rejections.stream().map(Rejection::line).toList();
    }
}
