package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Privacy;
import org.hpcusage.core.scoreboard.Window;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.NamedId;
import org.hpcusage.core.util.UserException;

/**
 * {@code scoreboard tui}: the leaderboards from the jobs store (same numbers as {@code scoreboard
 * show}) in a full-screen terminal view, or one frame as plain text with {@code --snapshot}
 * (also what a dumb terminal or a pipe gets, as the reference's ANSI fallback).
 */
final class ScoreboardTuiCommand extends LeafCommand {
    static final String ALL = "ALL";

    @Override
    public String name() {
        return "tui";
    }

    @Override
    public String summary() {
        return "Full-screen scoreboard: switch window, sort by any column, filter users, auto-refresh (? for keys).";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "window", "W", "first window shown: alltime (default), 30d or 365d"))
                .addOption(opt(null, "metric", "M", "first metric to rank and sort by: clock_hours (default), elapsed_hours, "
                        + "gpu_clock_hours, gpu_elapsed_hours, failed_jobs or jobs"))
                .addOption(opt(null, "sort-asc", null, "sort ascending (default descending)"))
                .addOption(opt(null, "filter", "TEXT", "show only users whose name contains TEXT (case-insensitive)"))
                .addOption(opt(null, "cluster", "NAME", "first cluster shown: ALL (default) or one machine of the store"))
                .addOption(opt(null, "refresh-sec", "N", "reload from the store every N seconds (default 5, minimum 1)"))
                .addOption(opt(null, "snapshot", null, "print one frame as plain text and exit (no terminal needed)"))
                .addOption(opt(null, "width", "N", "snapshot width (default $COLUMNS, else 120)"))
                .addOption(opt(null, "height", "N", "snapshot height (default $LINES, else 30)"))
                .addOption(ScoreboardSupport.machinesOption())
                .addOption(ScoreboardSupport.rootOption())
                .addOption(ScoreboardSupport.minJobsOption());
    }

    @Override
    protected String examples() {
        return """
                hpcusage scoreboard tui
                hpcusage scoreboard tui --window 30d --metric gpu_clock_hours --filter al
                hpcusage scoreboard tui --snapshot --width 120 --height 40 > board.txt""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        TuiState state = new TuiState(clusters(ctx, line));
        try {
            state.window = Window.of(line.getOptionValue("window", "alltime"));
            state.metric = Metric.of(line.getOptionValue("metric", "clock_hours"));
        } catch (UserException e) {
            throw new UsageException(e.getMessage()); // a bad option value: exit 2, as the reference
        }
        state.ascending = line.hasOption("sort-asc");
        state.filter = line.getOptionValue("filter", "").strip();
        String cluster = line.getOptionValue("cluster", ALL);
        state.cluster = state.clusters.indexOf(cluster);
        if (state.cluster < 0) {
            throw new UsageException("--cluster " + cluster + ": not in the store (known: " + String.join(", ", state.clusters) + ")");
        }
        int refreshSec = intValue(line, "refresh-sec", 5, 1);
        int width = intValue(line, "width", envInt("COLUMNS", 120), 20);
        int height = intValue(line, "height", envInt("LINES", 30), TuiFrame.CHROME + 1);
        Path root = ScoreboardSupport.root(line, false);
        // One failure test for every reload: it warns once per unknown machine, and the first load
        // runs before the full screen starts, so such warnings do not land inside the screen.
        BiPredicate<String, String> failed = ScoreboardSupport.failures(ctx, root);
        Privacy privacy = ScoreboardSupport.privacy(line, root);
        Loader loader = () -> load(ctx, line, state.cluster(), failed, privacy, EnumSet.allOf(Window.class));
        // The first screen shows one window: the all-time one needs only the monthly rollup
        // (the others follow right after it is drawn).
        boolean partial = state.window == Window.ALLTIME;
        TuiBoard first = partial ? load(ctx, line, state.cluster(), failed, privacy, EnumSet.of(Window.ALLTIME)) : loader.load();
        if (line.hasOption("snapshot") || !interactiveTerminal()) {
            for (String l : TuiFrame.render(first, state, Instant.now(), width, height)) {
                ctx.out().println(l);
            }
            return 0;
        }
        new TuiScreen(state, loader, refreshSec * 1000L).run(first, partial);
        return 0;
    }

    /** Reads the boards of one cluster (or ALL) from the store. */
    interface Loader {
        TuiBoard load();
    }

    private static TuiBoard load(Context ctx, CommandLine line, String cluster, BiPredicate<String, String> failed, Privacy privacy,
                                 Set<Window> windows) {
        List<String> machines = ALL.equals(cluster) ? ScoreboardSupport.machines(line) : List.of(cluster);
        Leaderboards boards = Leaderboards.compute(ctx.store().jobs(), Instant.now(), machines, failed, privacy, windows);
        return TuiBoard.of(cluster, boards);
    }

    /** ALL, then every machine in the store (only those of --machines when given), sorted. */
    private static List<String> clusters(Context ctx, CommandLine line) {
        List<String> only = ScoreboardSupport.machines(line);
        TreeSet<String> names = new TreeSet<>();
        try (SqlSession session = ctx.store().jobs().reader()) {
            for (NamedId n : session.getMapper(LookupMapper.class).all(LookupTable.MACHINES.table(), LookupTable.MACHINES.column())) {
                if (only == null || only.contains(n.getName())) {
                    names.add(n.getName());
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(ALL);
        out.addAll(names);
        return out;
    }

    /** The reference falls back to a snapshot without a terminal or with TERM unset, dumb or unknown (§7.2). */
    private static boolean interactiveTerminal() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !term.isBlank() && !term.equals("dumb") && !term.equals("unknown");
    }

    private static int envInt(String name, int fallback) {
        try {
            String v = System.getenv(name);
            return v == null ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
