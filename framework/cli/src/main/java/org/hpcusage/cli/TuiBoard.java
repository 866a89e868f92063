package org.hpcusage.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Ranked;
import org.hpcusage.core.scoreboard.Standing;
import org.hpcusage.core.scoreboard.Window;

/**
 * What the scoreboard TUI shows, for every window at once so that switching windows needs no
 * query: per user, each metric's (rounded) value and the user's rank on that metric's board
 * (0 when the user is not on it, i.e. the value is zero).
 */
record TuiBoard(String cluster, Map<Window, List<Row>> windows) {

    record Row(String user, double[] values, int[] ranks) {
        double value(Metric m) {
            return values[m.ordinal()];
        }

        int rank(Metric m) {
            return ranks[m.ordinal()];
        }
    }

    static TuiBoard of(String cluster, Leaderboards boards) {
        Map<Window, List<Row>> windows = new EnumMap<>(Window.class);
        int metrics = Metric.values().length;
        for (Window w : Window.values()) {
            Map<String, Row> byUser = new HashMap<>();
            List<Row> rows = new ArrayList<>();
            for (Standing s : boards.standings(w)) {
                Row r = new Row(s.user(), new double[metrics], new int[metrics]);
                byUser.put(s.user(), r);
                rows.add(r);
            }
            for (Metric m : Metric.values()) {
                for (Ranked ranked : boards.board(w, m)) {
                    Row r = byUser.get(ranked.user());
                    r.values()[m.ordinal()] = ranked.value();
                    r.ranks()[m.ordinal()] = ranked.rank();
                }
            }
            windows.put(w, rows);
        }
        return new TuiBoard(cluster, windows);
    }

    List<Row> rows(Window w) {
        return windows.getOrDefault(w, List.of());
    }
}
