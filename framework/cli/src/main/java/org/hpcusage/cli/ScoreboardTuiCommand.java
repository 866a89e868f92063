package org.hpcusage.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * (also what a dumb terminal or a pipe gets, as the reference's ANSI fallback). With a
 * {@code --root} that holds published boards, those are the first frame (or, without a store,
 * the only source, as the reference's TUI).
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
                hpcusage scoreboard tui --root /shared/scoreboard   (published boards first, or only them without a store)
                hpcusage scoreboard tui --window 30d --metric gpu_clock_hours --filter al
                hpcusage scoreboard tui --snapshot --width 120 --height 40 > board.txt""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Window window;
        Metric metric;
        try {
            window = Window.of(line.getOptionValue("window", "alltime"));
            metric = Metric.of(line.getOptionValue("metric", "clock_hours"));
        } catch (UserException e) {
            throw new UsageException(e.getMessage()); // a bad option value: exit 2, as the reference
        }
        Output output = new Output(intValue(line, "width", envInt("COLUMNS", 120), 20),
                intValue(line, "height", envInt("LINES", 30), TuiFrame.CHROME + 1),
                line.hasOption("snapshot") || !interactiveTerminal(), intValue(line, "refresh-sec", 5, 1) * 1000L);
        Path root = ScoreboardSupport.root(ctx, line, false);
        String cluster = line.getOptionValue("cluster", ALL);
        // Which boards come first. The published ones are read in milliseconds without opening
        // the store: in a terminal they are the first frame, and the store's (exact and current)
        // replace them once drawn. Without a store (a reader without database access, as the
        // reference's TUI) they are all there is, re-read on every refresh.
        TuiBoard published = published(ctx, line, root, cluster);
        if (published != null && !storeExists(ctx)) {
            TuiState state = state(line, window, metric, List.of(ALL), cluster);
            return output.show(ctx, state, published, false, () -> reread(root));
        }
        Privacy privacy = ScoreboardSupport.privacy(line, root);
        if (published != null && !output.snapshot()) {
            TuiState state = state(line, window, metric, List.of(ALL), cluster);
            // The store is read with the screen on: its warnings go to the status line.
            List<String> warnings = new ArrayList<>();
            BiPredicate<String, String> failed = ScoreboardSupport.failures(ctx, root, w -> {
                warnings.add(w);
                state.warning = warnings.get(0) + (warnings.size() > 1 ? "; " + (warnings.size() - 1) + " more like it" : "");
            });
            return output.show(ctx, state, published, true, () -> {
                state.clusters(clusters(ctx, line));   // one small read; it also finds clusters added since
                return load(ctx, line, state.cluster(), failed, privacy, EnumSet.allOf(Window.class));
            });
        }
        TuiState state = state(line, window, metric, clusters(ctx, line), cluster);
        // One failure test for every reload: it warns once per unknown machine, and the first load
        // runs before the full screen starts, so such warnings do not land inside the screen.
        BiPredicate<String, String> failed = ScoreboardSupport.failures(ctx, root);
        Loader loader = () -> load(ctx, line, state.cluster(), failed, privacy, EnumSet.allOf(Window.class));
        // The first screen shows one window: the all-time one needs only the monthly rollup
        // (the others follow right after it is drawn).
        boolean partial = state.window == Window.ALLTIME;
        TuiBoard first = partial ? load(ctx, line, state.cluster(), failed, privacy, EnumSet.of(Window.ALLTIME)) : loader.load();
        return output.show(ctx, state, first, partial, loader);
    }

    /** Where frames go: one printed as text ({@code --snapshot}, or no terminal), or the full screen. */
    private record Output(int width, int height, boolean snapshot, long refreshMs) {
        /** @param partial {@code first} holds only the window on screen, or is not the store's: load once drawn */
        int show(Context ctx, TuiState state, TuiBoard first, boolean partial, Loader loader) throws Exception {
            if (snapshot) {
                return print(ctx, first, state, width, height);
            }
            new TuiScreen(state, loader, refreshMs).run(first, partial);
            return 0;
        }
    }

    private static TuiState state(CommandLine line, Window window, Metric metric, List<String> clusters, String cluster) {
        TuiState state = new TuiState(clusters);
        state.window = window;
        state.metric = metric;
        state.ascending = line.hasOption("sort-asc");
        state.filter = line.getOptionValue("filter", "").strip();
        state.cluster = state.clusters.indexOf(cluster);
        if (state.cluster < 0) {
            throw new UsageException("--cluster " + cluster + ": not in the store (known: " + String.join(", ", state.clusters) + ")");
        }
        return state;
    }

    private static int print(Context ctx, TuiBoard board, TuiState state, int width, int height) {
        for (String l : TuiFrame.render(board, state, Instant.now(), width, height)) {
            ctx.out().println(l);
        }
        return 0;
    }

    /**
     * The published cross-cluster boards under {@code root}, when they answer what was asked:
     * all clusters, with the publisher's machines and privacy (no --machines or --min-jobs).
     */
    private static TuiBoard published(Context ctx, CommandLine line, Path root, String cluster) {
        if (root == null || !ALL.equals(cluster) || line.hasOption("machines") || line.hasOption("min-jobs")) {
            return null;
        }
        try {
            return TuiBoard.published(root);
        } catch (IOException e) {
            ctx.err().println("hpcusage: " + root.resolve("leaderboards") + ": unreadable published boards ("
                    + e.getMessage().lines().findFirst().orElse("") + "); reading the store");
            return null;
        }
    }

    private static TuiBoard reread(Path root) {
        try {
            TuiBoard board = TuiBoard.published(root);
            if (board == null) {
                throw new UserException("no published boards under " + root.resolve("leaderboards") + " any more");
            }
            return board;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Whether the jobs store is there to read; an SQLite file that does not exist is not created. */
    private static boolean storeExists(Context ctx) {
        Path file = ctx.store().target().sqliteFile();
        return file == null || Files.exists(file);
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
