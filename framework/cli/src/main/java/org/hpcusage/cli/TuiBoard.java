package org.hpcusage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * (0 when the user is not on it, i.e. the value is zero). Computed from the store, or read from
 * the boards {@code publish} wrote ({@code asof} then says when they were computed).
 */
record TuiBoard(String cluster, Map<Window, List<Row>> windows, String asof) {
    private static final ObjectMapper JSON = new ObjectMapper();

    TuiBoard(String cluster, Map<Window, List<Row>> windows) {
        this(cluster, windows, null);
    }

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

    /**
     * The cross-cluster boards published under {@code root/leaderboards/} (what the reference's
     * TUI reads), or null when there are none. A missing metric file leaves that metric empty
     * (the reference showed the clock-hours board in its place, D14); {@code asof} is the
     * oldest board's.
     */
    static TuiBoard published(Path root) throws IOException {
        Path dir = root.resolve("leaderboards");
        int metrics = Metric.values().length;
        Map<Window, List<Row>> windows = new EnumMap<>(Window.class);
        String asof = null;
        for (Window w : Window.values()) {
            Map<String, Row> byUser = new LinkedHashMap<>();
            for (Metric m : Metric.values()) {
                Path file = dir.resolve(w.key() + "_" + m.key() + ".json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                JsonNode doc = JSON.readTree(file.toFile());
                String at = doc.path("asof").asText("");
                asof = asof == null || at.compareTo(asof) < 0 ? at : asof;
                for (JsonNode r : doc.path("rows")) {
                    Row row = byUser.computeIfAbsent(r.path("user").asText(), u -> new Row(u, new double[metrics], new int[metrics]));
                    row.values()[m.ordinal()] = r.path("value").asDouble();
                    row.ranks()[m.ordinal()] = r.path("rank").asInt();
                }
            }
            windows.put(w, new ArrayList<>(byUser.values()));
        }
        return asof == null ? null : new TuiBoard(ScoreboardTuiCommand.ALL, windows, asof);
    }

    List<Row> rows(Window w) {
        return windows.getOrDefault(w, List.of());
    }
}
