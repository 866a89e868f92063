package org.hpcusage.core.ingest;

/** What a sync does with each day (reference §6.2). */
public enum SyncMode {
    /** Read logs, insert new jobs; skip days the ledger already holds unchanged. */
    PLAIN("plain"),
    /** Read logs, insert new jobs; summarise a day only when something was inserted. */
    INCREMENTAL("incremental"),
    /** Read logs, insert new jobs and update every field of known ones. */
    UPSERT("upsert"),
    /** Recompute charges of stored jobs; no logs. */
    RECALCULATE("recalculate"),
    /** Rebuild daily summaries of stored jobs; no logs. */
    RESUMMARIZE("resummarize");

    private final String label;

    SyncMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean readsLogs() {
        return this == PLAIN || this == INCREMENTAL || this == UPSERT;
    }
}
