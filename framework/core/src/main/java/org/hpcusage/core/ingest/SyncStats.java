package org.hpcusage.core.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Totals of a sync run, with the reference's counters (§6.9). */
public final class SyncStats {
    private long fetched, inserted, updated, errors, recalculated;
    private int daysSummarized, daysSkipped;
    private final List<LocalDate> failedDays = new ArrayList<>();

    void add(DayResult r, SyncMode mode) {
        fetched += r.fetched();
        inserted += r.inserted();
        errors += r.errors();
        if (mode == SyncMode.RECALCULATE) {
            recalculated += r.updated();
        } else {
            updated += r.updated();
        }
        if (r.summarized()) {
            daysSummarized++;
        }
        switch (r.outcome()) {
            case SKIPPED -> daysSkipped++;
            case FAILED -> failedDays.add(r.day());
            default -> { }
        }
    }

    public long fetched() { return fetched; }
    public long inserted() { return inserted; }
    public long updated() { return updated; }
    public long errors() { return errors; }
    public long recalculated() { return recalculated; }
    public int daysSummarized() { return daysSummarized; }
    public int daysSkipped() { return daysSkipped; }
    public int daysFailed() { return failedDays.size(); }
    public List<LocalDate> failedDays() { return Collections.unmodifiableList(failedDays); }

    /** Records read but neither stored nor updated nor rejected: duplicates (and everything in a dry run). */
    public long duplicates() {
        return fetched - inserted - updated - errors;
    }
}
