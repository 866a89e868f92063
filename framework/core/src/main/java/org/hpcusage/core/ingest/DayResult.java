package org.hpcusage.core.ingest;

import java.time.LocalDate;

/**
 * What happened to one day.
 *
 * @param day        the day
 * @param outcome    synced, skipped (already in the ledger) or failed
 * @param message    why it was skipped or failed; null when synced
 * @param fetched    jobs read
 * @param inserted   new jobs stored
 * @param updated    known jobs updated (upsert) or recharged (recalculate)
 * @param errors     malformed or invalid records
 * @param summarized whether the day's summary was rebuilt
 */
public record DayResult(LocalDate day, Outcome outcome, String message, int fetched, int inserted, int updated,
                        int errors, boolean summarized) {

    public enum Outcome { SYNCED, SKIPPED, FAILED }

    static DayResult skipped(LocalDate day, String message) {
        return new DayResult(day, Outcome.SKIPPED, message, 0, 0, 0, 0, false);
    }

    static DayResult failed(LocalDate day, String message) {
        return new DayResult(day, Outcome.FAILED, message, 0, 0, 0, 0, false);
    }
}
