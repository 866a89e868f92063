package org.hpcusage.core.ingest;

/** Hears about progress; the CLI turns it into progress bars and messages on stderr. */
public interface SyncListener {
    SyncListener NONE = new SyncListener() { };

    default void dayFinished(DayResult result) {
    }

    /** A malformed or invalid record: source file, 1-based line, reason. */
    default void rejected(String source, long line, String reason) {
    }
}
