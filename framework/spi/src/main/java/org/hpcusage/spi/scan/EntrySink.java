package org.hpcusage.spi.scan;

/**
 * Where a parser or source pushes entries. The core aggregates, batches and counts. Not
 * thread-safe.
 *
 * @since 0.1
 */
public interface EntrySink {

    /** One file or directory. @since 0.1 */
    void accept(FileEntry entry);

    /**
     * A line that could not be used: its 1-based line number and a short reason (no file name;
     * the core adds it). Headers and comments the format defines are skipped, not rejected.
     *
     * @since 0.1
     */
    void reject(long line, String reason);
}
