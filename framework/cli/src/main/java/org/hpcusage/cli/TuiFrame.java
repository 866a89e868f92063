package org.hpcusage.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hpcusage.core.scoreboard.Metric;

/**
 * One screen of the scoreboard TUI as plain lines: a pure function of the board, the view state,
 * the clock and the terminal size, so the screen and {@code --snapshot} print the same thing and
 * tests need no terminal. Layout as the reference's curses screen (slurm-scoreboard.md §7.5):
 * title with UTC clock, status line, rule, column header, rows, a prompt/status line, key hints.
 */
final class TuiFrame {
    /** Lines around the rows: title, status, rule, header above; prompt and keys below. */
    static final int CHROME = 6;
    static final String TITLE = " SLURM SCOREBOARD ";
    static final String KEYS = "q=quit w=window m/TAB=metric 1-6=sort column u=sort user s=asc/desc f/=filter "
            + "g=cluster r=reload ?=help";
    private static final int USER_WIDTH = 18;
    private static final int MIN_METRIC_WIDTH = 9;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final List<String> HELP = List.of(
            "Keys",
            "  q          quit",
            "  w          next window: alltime -> 30d -> 365d",
            "  m, TAB     next metric (M: previous); rows sort by it and # is the rank on its board",
            "  1-6        sort by that metric column (1=clock_hours ... 6=jobs)",
            "  u          sort by user name",
            "  s          toggle descending / ascending",
            "  f, /       filter users by a substring (Enter applies, empty clears, Esc cancels)",
            "  g          next cluster (ALL, then each machine)",
            "  r          reload from the store now (also every --refresh-sec seconds)",
            "  j k, arrows, PgUp PgDn   scroll",
            "  ?, h       this help; any key returns");

    private TuiFrame() {
    }

    /** The rows of the current view: sorted, then filtered (ranks are not recomputed, §7.3). */
    static List<TuiBoard.Row> rows(TuiBoard board, TuiState state) {
        Comparator<TuiBoard.Row> byUser = Comparator.comparing(TuiBoard.Row::user);
        Comparator<TuiBoard.Row> order;
        if (state.byUser) {
            order = state.ascending ? byUser : byUser.reversed();
        } else {
            Comparator<TuiBoard.Row> byValue = Comparator.comparingDouble(r -> r.value(state.metric));
            order = (state.ascending ? byValue : byValue.reversed()).thenComparing(byUser);
        }
        String needle = state.filter.toLowerCase(Locale.ROOT);
        List<TuiBoard.Row> rows = new ArrayList<>();
        for (TuiBoard.Row r : board.rows(state.window)) {
            if (needle.isEmpty() || r.user().toLowerCase(Locale.ROOT).contains(needle)) {
                rows.add(r);
            }
        }
        rows.sort(order);
        return rows;
    }

    static List<String> render(TuiBoard board, TuiState state, Instant now, int width, int height) {
        List<String> lines = new ArrayList<>();
        lines.add(TITLE + CLOCK.format(now));
        lines.add("Cluster:" + board.cluster() + "  Window:" + state.window.shortName() + "  Metric:" + state.metric.key()
                + "  Sort:" + (state.byUser ? "user " : "") + (state.ascending ? "asc" : "desc")
                + "  Filter:" + (state.filter.isEmpty() ? "-" : state.filter));
        lines.add("-".repeat(Math.max(0, width)));
        List<TuiBoard.Row> rows = rows(board, state);
        int room = Math.max(0, height - CHROME);
        if (state.help) {
            lines.add("");
            lines.addAll(HELP.subList(0, Math.min(HELP.size(), room)));
        } else {
            lines.add(header());
            body(rows, state.metric, state.scroll, room, lines);
        }
        while (lines.size() < height - 2) {
            lines.add("");
        }
        String count = rows.size() + (rows.size() == 1 ? " user" : " users");
        lines.add(state.prompt != null ? "Filter substring (empty clears): " + state.prompt
                : state.notice != null ? count + "  (reload failed, showing earlier data: " + state.notice + ")"
                : board.asof() != null ? count + "  (published boards as of " + board.asof() + ")"
                : state.warning != null ? count + "  (" + state.warning + ")" : count);
        lines.add(KEYS);
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), Math.max(0, height)))) {
            out.add(stripEnd(line.length() > width ? line.substring(0, Math.max(0, width)) : line));
        }
        return out;
    }

    private static void body(List<TuiBoard.Row> rows, Metric metric, int scroll, int room, List<String> lines) {
        if (rows.isEmpty()) {
            if (room > 0) {
                lines.add("No data. (No jobs in this window, or every user under --min-jobs: run hpcusage scoreboard poll or jobs import.)");
            }
            return;
        }
        int first = Math.max(0, Math.min(scroll, rows.size() - 1));
        if (first > 0 && room > 1) {
            lines.add("... (" + first + " above)");
            room--;
        }
        int left = rows.size() - first;
        int shown = left > room ? Math.max(0, room - 1) : left;
        for (int i = first; i < first + shown; i++) {
            lines.add(row(rows.get(i), metric));
        }
        if (shown < left && room > 0) {
            lines.add("... (" + (left - shown) + " more)");
        }
    }

    static String header() {
        StringBuilder b = new StringBuilder(pad("#   User", 4 + 1 + USER_WIDTH));
        for (Metric m : Metric.values()) {
            b.append(' ').append(left(m.key(), width(m)));
        }
        return b.toString();
    }

    /** Rank on the selected metric's board (blank when not on it), user, every metric humanized. */
    private static String row(TuiBoard.Row r, Metric metric) {
        int rank = r.rank(metric);
        StringBuilder b = new StringBuilder(left(rank == 0 ? "" : Integer.toString(rank), 4)).append(' ').append(pad(r.user(), USER_WIDTH));
        for (Metric m : Metric.values()) {
            b.append(' ').append(left(Humanize.of(r.value(m)), width(m)));
        }
        return b.toString();
    }

    private static int width(Metric m) {
        return Math.max(m.key().length(), MIN_METRIC_WIDTH);
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s.substring(0, w) : s + " ".repeat(w - s.length());
    }

    private static String left(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
