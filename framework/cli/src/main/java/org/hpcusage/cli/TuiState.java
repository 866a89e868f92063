package org.hpcusage.cli;

import java.util.List;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Window;

/**
 * What the scoreboard TUI is showing (window, metric, sort, filter, scroll, help, cluster) and
 * how keys change it (slurm-scoreboard.md §7.5, plus column keys 1-6/u and a help screen).
 * No terminal here, so key handling is testable as plain calls.
 */
final class TuiState {
    enum Action { NONE, REDRAW, RELOAD, QUIT }

    private static final Window[] WINDOWS = {Window.ALLTIME, Window.ROLLING_30D, Window.ROLLING_365D};

    Window window = Window.ALLTIME;
    Metric metric = Metric.CLOCK_HOURS;
    boolean byUser;
    boolean ascending;
    String filter = "";
    int scroll;
    boolean help;
    /** The filter being typed, or null when no prompt is open. */
    String prompt;
    /** Why the last reload failed (the screen keeps the data it had), or null. */
    String notice;
    /** A warning from loading (say, a machine whose failed jobs cannot be told), or null. */
    String warning;
    List<String> clusters;
    int cluster;

    TuiState(List<String> clusters) {
        this.clusters = orAll(clusters);
    }

    /** Replaces the cluster list (once the store is read), keeping the cluster shown. */
    void clusters(List<String> names) {
        String shown = cluster();
        clusters = orAll(names);
        cluster = Math.max(0, clusters.indexOf(shown));
    }

    private static List<String> orAll(List<String> names) {
        return names.isEmpty() ? List.of("ALL") : List.copyOf(names);
    }

    String cluster() {
        return clusters.get(cluster);
    }

    /**
     * @param rows     how many rows the current view has (for clamping the scroll)
     * @param pageRows how many rows a page down moves
     */
    Action press(TuiKey key, int rows, int pageRows) {
        if (prompt != null) {
            return typeFilter(key);
        }
        if (help) {
            help = false; // any key leaves the help screen; q still quits
            return key.kind() == TuiKey.Kind.CHAR && (key.c() == 'q' || key.c() == 'Q') ? Action.QUIT : Action.REDRAW;
        }
        switch (key.kind()) {
            case TAB:
                return selectMetric(next(metric, 1));
            case DOWN:
                return scrollTo(scroll + 1, rows);
            case UP:
                return scrollTo(scroll - 1, rows);
            case PAGE_DOWN:
                return scrollTo(scroll + Math.max(1, pageRows), rows);
            case PAGE_UP:
                return scrollTo(scroll - Math.max(1, pageRows), rows);
            case CHAR:
                break;
            default:
                return Action.NONE;
        }
        char c = key.c();
        switch (c) {
            case 'q', 'Q':
                return Action.QUIT;
            case 'r', 'R':
                scroll = 0;
                return Action.RELOAD;
            case 's', 'S':
                ascending = !ascending;
                scroll = 0;
                return Action.REDRAW;
            case 'w', 'W':
                window = WINDOWS[(indexOf(window) + 1) % WINDOWS.length];
                scroll = 0;
                return Action.REDRAW;
            case 'm':
                return selectMetric(next(metric, 1));
            case 'M':
                return selectMetric(next(metric, -1));
            case 'u', 'U':
                byUser = true;
                scroll = 0;
                return Action.REDRAW;
            case 'g', 'G':
                cluster = (cluster + 1) % clusters.size();
                scroll = 0;
                return Action.RELOAD;
            case 'f', 'F', '/':
                prompt = "";
                return Action.REDRAW;
            case 'j':
                return scrollTo(scroll + 1, rows);
            case 'k':
                return scrollTo(scroll - 1, rows);
            case 'h', '?':
                help = true;
                return Action.REDRAW;
            default:
                if (c >= '1' && c < '1' + Metric.values().length) {
                    return selectMetric(Metric.values()[c - '1']);
                }
                return Action.NONE;
        }
    }

    private Action typeFilter(TuiKey key) {
        switch (key.kind()) {
            case ENTER:
                filter = prompt.strip();
                prompt = null;
                scroll = 0;
                return Action.REDRAW;
            case ESCAPE:
                prompt = null;
                return Action.REDRAW;
            case BACKSPACE:
                prompt = prompt.isEmpty() ? prompt : prompt.substring(0, prompt.length() - 1);
                return Action.REDRAW;
            case CHAR:
                if (key.c() >= ' ') {
                    prompt += key.c();
                    return Action.REDRAW;
                }
                return Action.NONE;
            default:
                return Action.NONE;
        }
    }

    private Action selectMetric(Metric m) {
        metric = m;
        byUser = false;
        scroll = 0;
        return Action.REDRAW;
    }

    private Action scrollTo(int to, int rows) {
        int clamped = Math.max(0, Math.min(to, rows - 1));
        if (clamped == scroll) {
            return Action.NONE;
        }
        scroll = clamped;
        return Action.REDRAW;
    }

    private static Metric next(Metric m, int step) {
        Metric[] all = Metric.values();
        return all[Math.floorMod(m.ordinal() + step, all.length)];
    }

    private static int indexOf(Window w) {
        for (int i = 0; i < WINDOWS.length; i++) {
            if (WINDOWS[i] == w) {
                return i;
            }
        }
        return 0;
    }
}
