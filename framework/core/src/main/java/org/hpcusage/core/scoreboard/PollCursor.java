package org.hpcusage.core.scoreboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The back-fill cursor, {@code clusters/<c>/state/poll_cursor.json} in the reference's format
 * (§4.4): {@code {"backfill_start":"2025-07","in_progress":null,"last_complete_month":"2025-10"}}.
 * {@code in_progress} stays set when a month fails, so the next tick retries it; an unreadable
 * file is moved aside to {@code .bad} and the cursor starts over (the store's de-duplication
 * makes a re-run harmless).
 */
public record PollCursor(YearMonth backfillStart, YearMonth inProgress, YearMonth lastComplete) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static PollCursor load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new PollCursor(null, null, null);
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return new PollCursor(month(n, "backfill_start"), month(n, "in_progress"), month(n, "last_complete_month"));
        } catch (IOException | DateTimeParseException e) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
            return new PollCursor(null, null, null);
        }
    }

    private static YearMonth month(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isTextual() ? YearMonth.parse(v.asText()) : null;
    }

    public void save(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backfill_start", text(backfillStart));
        m.put("in_progress", text(inProgress));
        m.put("last_complete_month", text(lastComplete));
        AtomicFiles.write(file, JSON.writeValueAsString(m));
    }

    private static String text(YearMonth m) {
        return m == null ? null : m.toString();
    }

    /** The next historical month to fetch before {@code current}, or null when back-fill is done (§5.1). */
    public YearMonth nextHistorical(YearMonth current) {
        YearMonth candidate = inProgress != null ? inProgress
                : lastComplete == null ? backfillStart : lastComplete.plusMonths(1);
        if (inProgress != null) {
            return candidate; // a failed month is retried first, whatever the bound
        }
        return candidate != null && candidate.isBefore(current) ? candidate : null;
    }

    PollCursor withStart(YearMonth start) {
        return new PollCursor(start, inProgress, lastComplete);
    }

    PollCursor started(YearMonth month) {
        return new PollCursor(backfillStart, month, lastComplete);
    }

    PollCursor completed(YearMonth month) {
        return new PollCursor(backfillStart, null, month);
    }
}
