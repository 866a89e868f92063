package org.hpcusage.plugin.slurm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingSource;
import org.pf4j.Extension;

/**
 * Runs {@code sacct} as the reference does (slurm-scoreboard.md §1.1, §1.4, §1.5):
 * {@code sacct -a -n -P -S FROM -E UNTIL -o FIELDS [-u USER]}, no shell, one token of the
 * machine's bucket per call (retries take none), a per-attempt timeout, and on a timeout or a
 * non-zero exit a retry after 1 s, 2 s, 4 s, ... (capped at 30 s) until the attempts are spent.
 *
 * <p>Differences: sacct runs with {@code TZ=UTC}, so it prints and reads times in UTC and months
 * are the same months everywhere (defect D1); its output streams to the target file instead of
 * memory, after a header line naming the fields so the parser needs no assumed order; step rows
 * are kept (the parser folds their MaxRSS into the job).
 *
 * <p>Parameters (the machine's parser block): {@code sacct-command} (default {@code sacct}),
 * {@code sacct-fields}, {@code sacct-timeout-seconds} (120), {@code sacct-retries} (attempts, 3),
 * {@code sacct-rate-per-minute} (2), {@code sacct-backoff-seconds} (1), {@code sacct-rate-state}
 * (a file that keeps the bucket across processes; default: {@code ratelimit} in the request's
 * state folder, or in memory only when there is none).
 */
@Extension
public final class SacctSource implements AccountingSource {
    static final String COMMAND = "sacct-command";
    static final String FIELDS = "sacct-fields";
    static final String TIMEOUT = "sacct-timeout-seconds";
    static final String RETRIES = "sacct-retries";
    static final String RATE = "sacct-rate-per-minute";
    static final String BACKOFF = "sacct-backoff-seconds";
    static final String RATE_STATE = "sacct-rate-state";
    private static final double MAX_BACKOFF_SECONDS = 30;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final TokenBucket.Clock clock;

    public SacctSource() {
        this(TokenBucket.Clock.SYSTEM);
    }

    SacctSource(TokenBucket.Clock clock) {
        this.clock = clock;
    }

    @Override
    public String scheduler() {
        return "slurm";
    }

    /** The sacct command must be an executable file, given as a path or found on PATH (§1.6). */
    @Override
    public List<String> problems(Settings settings) {
        String command = (settings == null ? Settings.empty() : settings).string(COMMAND, "sacct");
        Path found = null;
        if (command.contains("/")) {
            found = Path.of(command);
        } else {
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "" : path).split(":")) {
                if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, command))) {
                    found = Path.of(dir, command);
                    break;
                }
            }
        }
        if (found == null || !Files.isRegularFile(found)) {
            return List.of(command + ": not found" + (command.contains("/") ? "" : " in PATH"));
        }
        if (!Files.isExecutable(found)) {
            return List.of(found + ": not executable");
        }
        return List.of();
    }

    /** The argument vector of one call, as the reference builds it. */
    static List<String> command(Request r) {
        Settings s = r.settings() == null ? Settings.empty() : r.settings();
        List<String> cmd = new ArrayList<>(List.of(s.string(COMMAND, "sacct"), "-a", "-n", "-P",
                "-S", r.from().toString(), "-E", r.until().toString(), "-o", fields(s)));
        if (r.user() != null) {
            cmd.add("-u");
            cmd.add(r.user());
        }
        return cmd;
    }

    static String fields(Settings s) {
        return s.string(FIELDS, String.join(",", SacctLayout.REFERENCE_FIELDS));
    }

    @Override
    public void fetch(Request request, Path target) throws IOException {
        Settings s = request.settings() == null ? Settings.empty() : request.settings();
        List<String> cmd = command(request);
        int attempts = s.integer(RETRIES, 3);
        long timeoutMs = (long) (s.decimal(TIMEOUT, 120) * 1000);
        if (attempts < 1 || timeoutMs < 1) {
            throw new IllegalArgumentException(RETRIES + " and " + TIMEOUT + " must be positive");
        }
        double backoff = s.decimal(BACKOFF, 1);
        try {
            bucket(request.machine(), s, request.stateDir()).take();
            String failure = null;
            for (int attempt = 1; attempt <= attempts; attempt++) {
                failure = attempt(cmd, fields(s), target, timeoutMs);
                if (failure == null) {
                    return;
                }
                if (attempt < attempts) {
                    clock.sleep((long) (backoff * 1000));
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_SECONDS);
                }
            }
            throw new IOException("sacct " + failure.replace("%N", String.valueOf(attempts)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running sacct");
        }
    }

    /**
     * {@code sacct -a -n -P -S -E -o User} (reference §5.4), with the same rate limit and
     * retries as a fetch: the first field of every row, trimmed and lower-cased, without blanks
     * (step rows have an empty User) and duplicates.
     */
    @Override
    public List<String> users(Request request) throws IOException {
        Settings s = request.settings() == null ? Settings.empty() : request.settings();
        Request listing = new Request(request.machine(), request.from(), request.until(), null,
                s.overriddenBy(Settings.of(Map.of(FIELDS, "User"))), request.stateDir());
        Path dir = request.stateDir() != null ? request.stateDir() : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, ".sacct-users", ".txt");
        try {
            fetch(listing, out);
            java.util.Set<String> users = new java.util.TreeSet<>();
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) { // line 1: our header
                int bar = line.indexOf('|');
                String user = (bar < 0 ? line : line.substring(0, bar)).strip().toLowerCase(java.util.Locale.ROOT);
                if (!user.isEmpty()) {
                    users.add(user);
                }
            }
            return List.copyOf(users);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** One run of sacct into target; null on success, else what went wrong ("%N" = attempts). */
    private String attempt(List<String> cmd, String fields, Path target, long timeoutMs)
            throws IOException, InterruptedException {
        Files.writeString(target, fields.replace(',', '|') + "\n", StandardCharsets.UTF_8);
        Path err = Files.createTempFile(target.toAbsolutePath().getParent(), ".sacct-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(target.toFile()))
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("TZ", "UTC");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                // A missing binary is not worth retrying (the reference did not either).
                throw new IOException("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
            }
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return "timeout after %N attempts";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
            if (stderr.length() > 500) {
                stderr = stderr.substring(0, 500);
            }
            String firstLine = stderr.lines().findFirst().orElse("");
            return "failed rc=" + p.exitValue() + " after %N attempts" + (firstLine.isEmpty() ? "" : ": " + firstLine);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private TokenBucket bucket(String machine, Settings s, Path stateDir) {
        String state = s.string(RATE_STATE, stateDir == null ? null : stateDir.resolve("ratelimit").toString());
        double rate = s.decimal(RATE, 2);
        return buckets.computeIfAbsent(machine + "\u0000" + rate + "\u0000" + state,
                k -> new TokenBucket(rate, clock, state == null ? null : Path.of(state)));
    }
}
