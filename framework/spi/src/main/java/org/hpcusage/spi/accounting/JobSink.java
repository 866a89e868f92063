package org.hpcusage.spi.accounting;

/**
 * Where a parser pushes what it read. The core batches, de-duplicates and counts.
 *
 * @since 0.1
 */
public interface JobSink {

    /** One finished job. @since 0.1 */
    void accept(JobRecord job);

    /**
     * A record that could not be used: its 1-based line number in the input and a short reason
     * (no file name; the core adds it). @since 0.1
     */
    void reject(long line, String reason);
}
