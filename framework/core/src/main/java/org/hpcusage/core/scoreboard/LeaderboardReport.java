package org.hpcusage.core.scoreboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.Report;

/**
 * The leaderboard as a report (table, json, csv, ...): every shown user with every metric,
 * sorted by the chosen one, with the user's rank on that board (blank when its value is zero),
 * like the reference's table view (§7.3).
 */
public final class LeaderboardReport {
    private LeaderboardReport() {
    }

    public static Report of(Leaderboards boards, Window window, Metric metric) {
        Map<String, Integer> ranks = new HashMap<>();
        for (Ranked r : boards.board(window, metric)) {
            ranks.put(r.user(), r.rank());
        }
        List<Standing> users = new ArrayList<>(boards.standings(window));
        users.sort(Comparator.comparingDouble((Standing s) -> -Leaderboards.round(s.value(metric))).thenComparing(Standing::user));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Standing s : users) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ranks.get(s.user()));
            row.put("user", s.user());
            for (Metric m : Metric.values()) {
                double v = Leaderboards.round(s.value(m));
                row.put(m.key(), m == Metric.JOBS || m == Metric.FAILED_JOBS ? (Object) (long) v : v);
            }
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("rank", "#", 5, ""));
        columns.add(new Column("user", "User", 16, "s"));
        for (Metric m : Metric.values()) {
            boolean count = m == Metric.JOBS || m == Metric.FAILED_JOBS;
            columns.add(new Column(m.key(), m.key(), m == Metric.JOBS ? 0 : 18, count ? "" : ".1f"));
        }
        return Report.builder("leaderboard")
                .field("window", window.key())
                .field("metric", metric.key())
                .columns(columns)
                .rows(rows)
                .build();
    }
}
