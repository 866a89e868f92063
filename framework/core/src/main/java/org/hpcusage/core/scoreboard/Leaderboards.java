package org.hpcusage.core.scoreboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.NamedId;
import org.hpcusage.core.store.ResourceMapper;
import org.hpcusage.core.store.RollupMapper;
import org.hpcusage.core.store.ScoreboardMapper;
import org.hpcusage.core.store.UsageGroup;

/**
 * Leaderboards from the jobs store, merged across every machine and scheduler: per user and
 * window, CPU core-hours (CPUs × elapsed), elapsed hours, GPU-hours, elapsed hours of GPU jobs,
 * failed jobs and jobs (slurm-scoreboard.md §6, computed from jobs instead of monthly rollups).
 * Ranking as the reference: value descending, then user name; equal values share a rank (1, 1,
 * 3); users with a zero value are not on that board.
 */
public final class Leaderboards {
    private final Map<Window, List<Standing>> standings;

    private Leaderboards(Map<Window, List<Standing>> standings) {
        this.standings = standings;
    }

    /**
     * Reads the jobs once for all windows.
     *
     * @param failed   whether a job with this status on this machine failed (the machine's parser decides)
     * @param machines the machines to merge, or null/empty for every machine in the store
     */
    public static Leaderboards compute(Database db, Instant now, List<String> machines, BiPredicate<String, String> failed,
                                       Privacy privacy) {
        return compute(db, now, machines, failed, privacy, EnumSet.allOf(Window.class));
    }

    /**
     * Only the boards of {@code windows} (the others are empty). The all-time boards alone read
     * the monthly rollup only, a few rows per user and month: what a first screen needs.
     */
    public static Leaderboards compute(Database db, Instant now, List<String> machines, BiPredicate<String, String> failed,
                                       Privacy privacy, Set<Window> windows) {
        Set<Window> wanted = EnumSet.copyOf(windows);
        wanted.add(Window.ALLTIME);   // privacy counts all-time jobs
        Map<Window, Map<String, Standing>> byWindow = new EnumMap<>(Window.class);
        try (SqlSession session = db.reader()) {
            LookupMapper lookups = session.getMapper(LookupMapper.class);
            Map<Long, String> machineNames = names(lookups, LookupTable.MACHINES);
            Map<Long, String> userNames = names(lookups, LookupTable.USERS);
            List<Long> machineIds = new ArrayList<>();
            for (Map.Entry<Long, String> e : machineNames.entrySet()) {
                if (machines == null || machines.isEmpty() || machines.contains(e.getValue())) {
                    machineIds.add(e.getKey());
                }
            }
            for (Window w : Window.values()) {
                byWindow.put(w, new TreeMap<>());
            }
            boolean allTimeOnly = wanted.size() == 1;
            // One pass: bucket 2 is in every window, 1 in all time and 365 days, 0 in all time only.
            long recent = Window.ROLLING_30D.since(now);
            long older = Window.ROLLING_365D.since(now);
            UsageSource source = new UsageSource(session, recent, older);
            List<UsageGroup> groups = new ArrayList<>();
            if (allTimeOnly) {
                groups.addAll(source.allTime(machineIds));
            } else {
                for (long machineId : machineIds) {
                    groups.addAll(source.usage(machineId));
                }
            }
            for (UsageGroup g : groups) {
                add(byWindow, wanted, userNames.get(g.getUserId()), g, failed.test(machineNames.get(g.getMachineId()), g.getStatus()));
            }
        }
        Map<String, Standing> allTime = byWindow.get(Window.ALLTIME);
        Map<Window, List<Standing>> shown = new EnumMap<>(Window.class);
        byWindow.forEach((w, users) -> {
            List<Standing> kept = new ArrayList<>();
            for (Standing s : users.values()) {
                if (!privacy.hides(s.user(), allTime.get(s.user()).value(Metric.JOBS))) {
                    kept.add(s);
                }
            }
            shown.put(w, kept);
        });
        return new Leaderboards(shown);
    }

    private static void add(Map<Window, Map<String, Standing>> byWindow, Set<Window> wanted, String user, UsageGroup g,
                            boolean failedJobs) {
        for (Window w : wanted) {
            if (g.getBucket() < bucketsFrom(w)) {
                continue;
            }
            Standing s = byWindow.get(w).computeIfAbsent(user, Standing::new);
            s.add(Metric.CLOCK_HOURS, g.getCpuSeconds() / 3600);
            s.add(Metric.ELAPSED_HOURS, g.getElapsedSeconds() / 3600);
            s.add(Metric.GPU_CLOCK_HOURS, g.getGpuSeconds() / 3600);
            s.add(Metric.GPU_ELAPSED_HOURS, g.getGpuElapsedSeconds() / 3600);
            s.add(Metric.JOBS, g.getJobs());
            if (failedJobs) {
                s.add(Metric.FAILED_JOBS, g.getJobs());
            }
        }
    }

    /**
     * One machine's usage groups. When every day with jobs is in the per-day rollup, the rollup
     * answers for all days but the two on which the 30- and 365-day windows start (in the
     * machine's zone), and those two days' jobs are bucketed to the second from the jobs
     * table, so the windows stay exact while reading ~users x days rows instead of every job
     * (if such a day's jobs were pruned, the whole day counts in the window).
     * A store not (wholly) rolled up is read from its jobs, as before V0005.
     */
    private static final class UsageSource {
        private final ScoreboardMapper scoreboard;
        private final RollupMapper rollups;
        private final ResourceMapper days;
        private final Map<Long, ZoneId> zones = new HashMap<>();
        private final long recent;
        private final long older;

        UsageSource(SqlSession session, long recent, long older) {
            this.scoreboard = session.getMapper(ScoreboardMapper.class);
            this.rollups = session.getMapper(RollupMapper.class);
            this.days = session.getMapper(ResourceMapper.class);
            this.recent = recent;
            this.older = older;
            for (NamedId z : scoreboard.machineZones()) {
                zones.put(z.getId(), ZoneId.of(z.getName()));
            }
        }

        /**
         * Every group of the machines, for the all-time boards: from the monthly rollup of those
         * rolled up (one statement for all of them: the TUI's first frame waits for this), from
         * the jobs of the others.
         */
        List<UsageGroup> allTime(List<Long> machineIds) {
            List<UsageGroup> groups = new ArrayList<>();
            List<Long> rolled = new ArrayList<>();
            for (long machineId : machineIds) {
                if (rolledUp(machineId)) {
                    rolled.add(machineId);
                } else {
                    groups.addAll(scoreboard.usage(recent, older, List.of(machineId), null));
                }
            }
            if (!rolled.isEmpty()) {
                groups.addAll(scoreboard.usageAllTime(rolled));
                // Day 0: jobs without an end (never rolled up).
                groups.addAll(scoreboard.usage(recent, older, rolled, List.of(0)));
            }
            return groups;
        }

        List<UsageGroup> usage(long machineId) {
            if (!rolledUp(machineId)) {
                return scoreboard.usage(recent, older, List.of(machineId), null);
            }
            ZoneId zone = zones.get(machineId);
            int recentDay = Machine.yyyymmdd(LocalDate.ofInstant(Instant.ofEpochSecond(recent), zone));
            int olderDay = Machine.yyyymmdd(LocalDate.ofInstant(Instant.ofEpochSecond(older), zone));
            // A pruned first day has no jobs left to split by the second: it counts whole.
            Set<Integer> pruned = new HashSet<>(rollups.prunedDays(machineId));
            List<Integer> edges = new ArrayList<>();
            for (int day : List.of(recentDay, olderDay)) {
                if (!pruned.contains(day)) {
                    edges.add(day);
                }
            }
            List<UsageGroup> groups = new ArrayList<>(scoreboard.usageFromRollup(machineId, recentDay, olderDay, edges));
            // Day 0: jobs without an end (never rolled up); they count in all time only.
            List<Integer> fromJobs = new ArrayList<>(edges);
            fromJobs.add(0);
            groups.addAll(scoreboard.usage(recent, older, List.of(machineId), fromJobs));
            return groups;
        }

        private boolean rolledUp(long machineId) {
            Set<Integer> rolled = new HashSet<>(rollups.days(machineId, null, null, null));
            for (int day : days.jobDays(machineId, null, null)) {
                if (day != 0 && !rolled.contains(day)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The lowest age bucket a window takes. */
    private static int bucketsFrom(Window w) {
        return switch (w) {
            case ALLTIME -> 0;
            case ROLLING_365D -> 1;
            case ROLLING_30D -> 2;
        };
    }

    private static Map<Long, String> names(LookupMapper lookups, LookupTable table) {
        Map<Long, String> out = new HashMap<>();
        for (NamedId n : lookups.all(table.table(), table.column())) {
            out.put(n.getId(), n.getName());
        }
        return out;
    }

    /** Every user shown in the window, with all metrics (unranked, by user name). */
    public List<Standing> standings(Window w) {
        return standings.get(w);
    }

    /** One board: users with a non-zero value, ranked. */
    public List<Ranked> board(Window w, Metric m) {
        // Rounded once per user (BigDecimal), not once per comparison of the sort.
        List<Ranked> rounded = new ArrayList<>();
        for (Standing s : standings.get(w)) {
            double v = round(s.value(m));
            if (v != 0) {
                rounded.add(new Ranked(0, s.user(), v));
            }
        }
        rounded.sort(Comparator.comparingDouble((Ranked r) -> -r.value()).thenComparing(Ranked::user));
        List<Ranked> rows = new ArrayList<>(rounded.size());
        for (int i = 0; i < rounded.size(); i++) {
            double v = rounded.get(i).value();
            int rank = i > 0 && v == rows.get(i - 1).value() ? rows.get(i - 1).rank() : i + 1;
            rows.add(new Ranked(rank, rounded.get(i).user(), v));
        }
        return rows;
    }

    /** The reference's 6-decimal rounding (Python round: half-even on the exact binary value). */
    static double round(double v) {
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
