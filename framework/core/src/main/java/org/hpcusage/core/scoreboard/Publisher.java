package org.hpcusage.core.scoreboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes leaderboards as JSON under {@code <root>/leaderboards/} for readers without access to
 * the store, in the reference's names and schema (§6.4): {@code <window>_<metric>.json} with
 * {@code {"asof","metric","rows":[{"rank","user","value"}],"window"}}, keys sorted, compact, and
 * a copy of each clock-hours board as {@code <window>.json}.
 */
public final class Publisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ASOF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Publisher() {
    }

    /** Writes every board; returns the files written. */
    public static List<Path> publish(Leaderboards boards, Path root, Instant now) throws IOException {
        Path dir = root.resolve("leaderboards");
        List<Path> written = new ArrayList<>();
        for (Window w : Window.values()) {
            for (Metric m : Metric.values()) {
                String json = json(boards.board(w, m), w, m, now);
                Path file = dir.resolve(w.key() + "_" + m.key() + ".json");
                AtomicFiles.write(file, json);
                written.add(file);
                if (m == Metric.CLOCK_HOURS) {
                    Path copy = dir.resolve(w.key() + ".json");
                    AtomicFiles.write(copy, json);
                    written.add(copy);
                }
            }
        }
        return written;
    }

    static String json(List<Ranked> rows, Window w, Metric m, Instant now) throws JsonProcessingException {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Ranked r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank());
            row.put("user", r.user());
            row.put("value", r.value());
            out.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asof", ASOF.format(now));
        doc.put("metric", m.key());
        doc.put("rows", out);
        doc.put("window", w.key());
        return JSON.writeValueAsString(doc);
    }
}
