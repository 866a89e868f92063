package org.hpcusage.core.scoreboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Quick checks of a scoreboard root (slurm-scoreboard.md §8.3): per cluster the lock, the
 * cursor, the last poll's health, quarantined {@code .bad} files; published files readable by
 * others; free disk.
 */
public final class Doctor {

    /** One finding; {@code problem} findings make the doctor fail. */
    public record Finding(boolean problem, String where, String what) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_FREE_BYTES = 1L << 30;

    private Doctor() {
    }

    public static List<Finding> check(Path root, Instant now) throws IOException {
        List<Finding> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            out.add(new Finding(true, root.toString(), "no such folder"));
            return out;
        }
        long free = Files.getFileStore(root).getUsableSpace();
        out.add(new Finding(free < MIN_FREE_BYTES, "disk", String.format("%.1f GiB free", free / (double) (1L << 30))));
        Path clusters = root.resolve("clusters");
        if (Files.isDirectory(clusters)) {
            try (Stream<Path> dirs = Files.list(clusters)) {
                for (Path c : dirs.sorted().toList()) {
                    cluster(c, now, out);
                }
            }
        }
        Path boards = root.resolve("leaderboards");
        if (Files.isDirectory(boards)) {
            try (Stream<Path> files = Files.list(boards)) {
                for (Path f : files.sorted().toList()) {
                    if (!Files.getPosixFilePermissions(f).contains(PosixFilePermission.OTHERS_READ)) {
                        out.add(new Finding(true, f.toString(), "not readable by other users"));
                    }
                }
            }
        } else {
            out.add(new Finding(false, boards.toString(), "nothing published yet"));
        }
        return out;
    }

    private static void cluster(Path dir, Instant now, List<Finding> out) throws IOException {
        String name = dir.getFileName().toString();
        Path state = dir.resolve("state");
        Path lock = state.resolve("lock");
        if (Files.exists(lock)) {
            try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                out.add(new Finding(false, name, l == null ? "lock held: a poll is running" : "lock free"));
                if (l != null) {
                    l.release();
                }
            }
        }
        PollCursor cursor = PollCursor.load(state.resolve("poll_cursor.json"));
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        if (cursor.inProgress() != null) {
            out.add(new Finding(false, name, "month " + cursor.inProgress() + " in progress (running, or failed and retried next tick)"));
        }
        if (cursor.lastComplete() != null && cursor.lastComplete().plusMonths(2).isBefore(current)) {
            out.add(new Finding(false, name, "back-fill at " + cursor.lastComplete() + ", "
                    + (current.getYear() * 12 + current.getMonthValue() - cursor.lastComplete().getYear() * 12
                    - cursor.lastComplete().getMonthValue() - 1) + " months behind"));
        }
        Path health = state.resolve("health.json");
        if (Files.exists(health)) {
            JsonNode h = JSON.readTree(Files.readString(health));
            String status = h.path("last_status").asText("?");
            if (!status.equals("ok") && !status.equals("complete")) {
                out.add(new Finding(true, name, "last poll " + status + ": " + h.path("last_error").asText("")));
            } else {
                out.add(new Finding(false, name, "last poll ok at " + h.path("last_success_utc").asText("?")));
            }
            String attempt = h.path("last_attempt_utc").asText(null);
            if (attempt != null && Duration.between(Instant.parse(attempt), now).toHours() >= 1) {
                out.add(new Finding(true, name, "no poll since " + attempt + " (is cron running?)"));
            }
        } else {
            out.add(new Finding(false, name, "never polled"));
        }
        try (Stream<Path> files = Files.isDirectory(state) ? Files.list(state) : Stream.empty()) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".bad")).toList()) {
                out.add(new Finding(true, name, "quarantined file " + f.getFileName()));
            }
        }
        bloomFiles(name, state.resolve("seen"), out);
    }

    /**
     * The Bloom files of pruned jobs (retention): unreadable ones, and ones holding more ids than
     * they were sized for, whose false-positive rate (new jobs taken for seen ones) has grown
     * past their target. Only the one-line header of each is read.
     */
    private static void bloomFiles(String name, Path seen, List<Finding> out) throws IOException {
        if (!Files.isDirectory(seen)) {
            return;
        }
        try (Stream<Path> files = Files.list(seen)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".bloom")).sorted().toList()) {
                String month = f.getFileName().toString().replace(".bloom", "");
                JsonNode h;
                try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
                    h = JSON.readTree(in.readLine());
                } catch (IOException | RuntimeException e) {
                    out.add(new Finding(true, name, "Bloom file " + month + " unreadable: " + e.getMessage()));
                    continue;
                }
                long m = h.path("m").asLong();
                long n = h.path("n").asLong();
                double p = h.path("p").asDouble(1e-4);
                // The ids an (m, p) filter was sized for: m (ln 2)^2 / -ln p (slurm-scoreboard.md §3.2).
                long capacity = Math.round(m * Math.log(2) * Math.log(2) / -Math.log(p));
                if (n > capacity) {
                    out.add(new Finding(true, name, String.format("Bloom file %s holds %,d ids, sized for %,d: "
                            + "new jobs of that month may be taken for pruned ones", month, n, capacity)));
                }
            }
        }
    }
}
