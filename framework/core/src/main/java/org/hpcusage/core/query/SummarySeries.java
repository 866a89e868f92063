package org.hpcusage.core.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpcusage.core.config.Machine;

/**
 * The timeseries fast path of reference §8.6: per-day sums read from {@code daily_summary}
 * instead of scanning the window's jobs, when that gives the same series.
 *
 * <p>It applies when the filter has a window (both dates) and no condition but those a summary
 * row can answer (user, account, queue), and the summaries cover the window: every day has a
 * summary row (a NO_JOBS marker counts), or has none but no job either; at most
 * {@value #MAX_UNSUMMARIZED_DAYS} such days are probed, in one statement, as in the reference.
 * Summaries leave out jobs with an unknown (NULL) user, account or queue (reference §6.8); those
 * few are added from {@code jobs} (index seeks on the NULL keys), so the series equals the jobs
 * path's, not only the reference's "same output except such jobs". Hour sums may differ in the
 * last bits (summed per day and owner first).
 */
final class SummarySeries {
    /** Most days without a summary row the coverage check probes for jobs (the reference's 62). */
    static final int MAX_UNSUMMARIZED_DAYS = 62;

    private SummarySeries() {
    }

    /** Whether {@code filter} asks only what daily_summary rows hold, over a bounded window. */
    static boolean answerable(JobFilter filter) {
        return filter.start() != null && filter.end() != null && !filter.start().isAfter(filter.end())
                && filter.qos() == null && filter.exitStatus() == null && filter.jobId() == null
                && filter.names().isEmpty() && filter.ranges().isEmpty();
    }

    /** Whether every day of the window has a summary, or has no job at all (probed, capped). */
    static boolean covers(JobQueryMapper m, SqlFilter f, LocalDate start, LocalDate end) {
        Set<String> summarized = new HashSet<>(m.summaryDates(f.getMachineId(), start.toString(), end.toString()));
        List<Integer> missing = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (!summarized.contains(d.toString())) {
                if (missing.size() == MAX_UNSUMMARIZED_DAYS) {
                    return false;
                }
                missing.add(Machine.yyyymmdd(d));
            }
        }
        return missing.isEmpty() || m.jobDaysAmong(f.getMachineId(), missing).isEmpty();
    }

    /**
     * The same groups as the jobs path's {@code sumsBy}/{@code sumsByOwner} over {@code j.end_day}:
     * per day (yyyymmdd in {@code bucket}), or per day and owner name.
     */
    static List<GroupSums> groups(JobQueryMapper m, SqlFilter f, LocalDate start, LocalDate end, Dimension owner) {
        List<GroupSums> out = new ArrayList<>(m.summarySums(f, start.toString(), end.toString(), owner));
        out.addAll(m.unsummarizedSums(f, owner));
        return out;
    }
}
