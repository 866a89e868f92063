package org.hpcusage.core.ingest;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;

/**
 * What remembers the jobs whose raw rows were pruned (retention mode), so that a job seen again
 * is not counted twice: the scoreboard's per-(cluster, month) Bloom files. Keyed as the
 * reference: the job id string and the UTC month of the job's end.
 */
public interface SeenJobs {

    /** Whether the job was counted before (a Bloom filter may say yes for a new job, never no for a seen one). */
    boolean contains(String jobId, Instant end);

    /** Remembers a job; durable only after {@link #save()}. */
    void add(String jobId, Instant end);

    /** Writes what {@link #add} remembered; called before the transaction that relies on it commits. */
    void save() throws IOException;

    /**
     * A sizing hint before jobs are remembered: about {@code ids} jobs ending in this UTC month
     * are coming (a Bloom filter created for the month is sized for them, not only for a fixed
     * default, the reference's D5).
     */
    default void expect(YearMonth utcMonth, long ids) {
    }
}
