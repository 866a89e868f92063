package org.hpcusage.core.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Usage per machine-local day, ISO week or month (reference §8.6), zero-filled and chronological.
 * {@code start}/{@code end} is the window (the filter's dates, or the first and last day with
 * jobs); {@code nullCount} counts jobs without an end, which only an unbounded window holds;
 * {@code totalCount = Σ band counts + nullCount}. With owners, every band carries the same keys:
 * the top owners of the whole window.
 */
public record Timeseries(BandPeriod period, Dimension ownersBy, LocalDate start, LocalDate end, List<TimeBand> bands,
                         Usage totals, long nullCount, long totalCount) {

    /** One band: its label, its first and last day (inclusive, clipped to the window), its usage. */
    public record TimeBand(String label, LocalDate start, LocalDate end, Usage usage, Map<String, Usage> owners) {
    }
}
