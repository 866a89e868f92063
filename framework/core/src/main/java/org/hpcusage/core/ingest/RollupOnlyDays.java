package org.hpcusage.core.ingest;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.RollupMapper;

/**
 * Retention mode's days kept as aggregates only, within one unit ({@link SyncOptions#rollupOnlyBefore()}).
 * Their jobs are tallied and remembered here by UTC month (the Bloom files' key), never
 * inserted; once the days' aggregates are written, {@link #prune} puts the ids into
 * {@link SeenJobs} and marks the days pruned, in the unit's transaction. The end state is that
 * of storing the jobs and pruning the days, without writing and deleting every row (most of a
 * back-fill's time).
 */
final class RollupOnlyDays {
    private final int before;
    private final SeenJobs seen;
    private final Set<Integer> days = new TreeSet<>();
    private final Map<YearMonth, List<String>> ids = new HashMap<>();

    /** Off (no day qualifies) when {@code before} or {@code seen} is null. */
    RollupOnlyDays(LocalDate before, SeenJobs seen) {
        this.before = before == null || seen == null ? 0 : Machine.yyyymmdd(before);
        this.seen = seen;
    }

    boolean on() {
        return before != 0;
    }

    /** Whether a machine-local day (yyyymmdd) is old enough, should it have nothing stored yet. */
    boolean before(int day) {
        return day != 0 && day < before;
    }

    /** Whether a job ending on this day will likely be kept as an aggregate only (for the parser's thread). */
    boolean likely(Machine machine, Instant end) {
        return end != null && before(machine.dayOf(end));
    }

    void add(int day) {
        days.add(day);
    }

    boolean contains(int day) {
        return days.contains(day);
    }

    /** The days kept as aggregates, in order. */
    Set<Integer> days() {
        return days;
    }

    /** Remembers a job of such a day until {@link #prune}. */
    void remember(String jobId, Instant end) {
        ids.computeIfAbsent(YearMonth.from(end.atOffset(ZoneOffset.UTC)), m -> new ArrayList<>()).add(jobId);
    }

    /**
     * After the days' aggregates are written: their ids into {@link SeenJobs} (saved now, before
     * the commit, as a prune does), the days marked pruned, so a later import de-duplicates
     * against the Bloom files and a prune skips them.
     */
    void prune(SqlSession session, long machineId) throws IOException {
        if (days.isEmpty()) {
            return;
        }
        ids.forEach((month, monthIds) -> seen.expect(month, monthIds.size()));
        for (Map.Entry<YearMonth, List<String>> e : ids.entrySet()) {
            Instant inMonth = e.getKey().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (String id : e.getValue()) {
                seen.add(id, inMonth);
            }
        }
        seen.save();
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        for (int day : days) {
            rollups.markPruned(machineId, day);
        }
    }
}
