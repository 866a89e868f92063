package org.hpcusage.core.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.ResourceMapper;
import org.hpcusage.core.store.RollupMapper;

/**
 * Retention mode: removes the raw jobs (rows, charges, original records) of a machine's days
 * that ended more than N days ago, keeping the days' summaries and rollups, so every report and
 * leaderboard that reads those gives the same answer afterwards. Each pruned job is first
 * remembered in {@link SeenJobs}, so a later import of the same job is recognised and not
 * counted again.
 *
 * <p>Whole machine-local days only, one transaction per day: a crash leaves every day either
 * pruned or untouched (a day whose jobs were remembered but not yet removed is pruned again by
 * the next run; remembering twice is harmless).
 */
public final class Pruner {

    /** What a run did (or, dry, would do). */
    public record Result(LocalDate cutoff, int days, long jobs) {
    }

    private final Database db;
    private final Machine machine;
    private final SeenJobs seen;

    public Pruner(Database db, Machine machine, SeenJobs seen) {
        this.db = db;
        this.machine = machine;
        this.seen = seen;
    }

    /**
     * Prunes every day before the machine-local day of {@code now - keepDays} (that day and later
     * keep their jobs).
     */
    public Result prune(Instant now, int keepDays, boolean dryRun) {
        LocalDate cutoff = cutoff(now, keepDays, machine.zone());
        List<Integer> days = new ArrayList<>();
        long jobs = 0;
        Long machineId;
        try (SqlSession session = db.reader()) {
            machineId = session.getMapper(LookupMapper.class)
                    .idOf(LookupTable.MACHINES.table(), LookupTable.MACHINES.column(), machine.name());
            if (machineId == null) {
                return new Result(cutoff, 0, 0);
            }
            for (int day : session.getMapper(ResourceMapper.class).jobDays(machineId, null, Machine.yyyymmdd(cutoff) - 1)) {
                if (day != 0) {   // jobs without an end have no day to age by
                    days.add(day);
                }
            }
            if (dryRun) {
                for (int day : days) {
                    jobs += session.getMapper(RollupMapper.class).countJobsOn(machineId, day);
                }
                return new Result(cutoff, days.size(), jobs);
            }
        }
        announce(machineId, days);
        for (int day : days) {
            try (SqlSession session = db.writer()) {
                if (!DayAggregates.rolledUp(session, machineId, day)) {
                    // Synced before rollups existed: roll the day up from its jobs while they are there.
                    DayAggregates.summarize(session, machineId, List.of(Machine.day(day)), seen);
                }
                jobs += DayAggregates.prune(session, machineId, day, seen);
                session.commit();
            }
        }
        return new Result(cutoff, days.size(), jobs);
    }

    /** The first machine-local day that keeps its jobs when {@code keepDays} are kept at {@code now}. */
    public static LocalDate cutoff(Instant now, int keepDays, ZoneId zone) {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keep at least one day");
        }
        return LocalDate.ofInstant(now.minusSeconds(keepDays * 86_400L), zone);
    }

    /** Tells {@link SeenJobs} how many jobs each month will bring (by the day's date: close enough to size a filter). */
    private void announce(long machineId, List<Integer> days) {
        try (SqlSession session = db.reader()) {
            RollupMapper rollups = session.getMapper(RollupMapper.class);
            for (int day : days) {
                seen.expect(YearMonth.from(Machine.day(day)), rollups.countJobsOn(machineId, day));
            }
        }
    }
}
