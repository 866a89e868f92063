package org.hpcusage.core.scoreboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.store.Database;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * One poll tick for one cluster (slurm-scoreboard.md §5): under the cluster's lock, fetch the
 * next historical month of the back-fill or, once back-fill is done, the current month so far,
 * and import it into the jobs store. Months and "today" are UTC. State lives under
 * {@code <root>/clusters/<cluster>/state/}: {@code lock}, {@code poll_cursor.json},
 * {@code health.json}, {@code cluster.json} (the scheduler, for failure counting) and the
 * source's own state (its rate-limit bucket).
 *
 * <p>A tick killed at any point leaves the store without a half month (one transaction per
 * fetched file) and the cursor at the month in progress, which the next tick fetches again;
 * the store's de-duplication makes that harmless.
 */
public final class Poller {

    /** What a tick did. {@code exitCode}: 0 ok, 1 the fetch or import failed, 3 the lock is held. */
    public record Result(String status, String phase, YearMonth month, int fetched, int inserted, String message,
                         int exitCode) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Machine machine;
    private final AccountingSource source;
    private final Path state;
    private final Clock clock;

    public Poller(Database db, Machine machine, AccountingSource source, Path root, Clock clock) {
        this.db = db;
        this.machine = machine;
        this.source = source;
        this.state = root.resolve("clusters").resolve(machine.name()).resolve("state");
        this.clock = clock;
    }

    /**
     * Runs one tick.
     *
     * @param backfillStart  the first month to back-fill, used only when the cursor has none yet
     * @param historicalOnly do not fetch the current month (the {@code backfill} command)
     */
    public Result tick(YearMonth backfillStart, boolean historicalOnly) throws IOException {
        return tick(backfillStart, historicalOnly, null);
    }

    /**
     * Runs one tick in retention mode when {@code keepDays} is given: the fetched jobs of days
     * that are older than that and have nothing stored yet go to the rollups and the Bloom files
     * only (see {@link SyncOptions#rollupOnlyBefore()}), which is what importing them and then
     * pruning would leave, without writing and deleting their rows.
     */
    public Result tick(YearMonth backfillStart, boolean historicalOnly, Integer keepDays) throws IOException {
        Result r = ClusterLock.tryWith(state, () -> locked(backfillStart, historicalOnly, keepDays));
        return r != null ? r : new Result("locked", "lock", null, 0, 0, "another poll of " + machine.name() + " holds the lock", 3);
    }

    private Result locked(YearMonth backfillStart, boolean historicalOnly, Integer keepDays) throws IOException {
        writeClusterFile();
        Path cursorFile = state.resolve("poll_cursor.json");
        PollCursor cursor = PollCursor.load(cursorFile);
        if (cursor.backfillStart() == null) {
            cursor = cursor.withStart(backfillStart);
            cursor.save(cursorFile);
        }
        Instant now = clock.instant();
        SyncOptions options = SyncOptions.defaults(SyncMode.INCREMENTAL, null);
        if (keepDays != null) {
            options = options.withRollupOnlyBefore(Pruner.cutoff(now, keepDays, machine.zone()));
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        YearMonth current = YearMonth.from(today);
        YearMonth month = cursor.nextHistorical(current);
        Result result;
        if (month != null) {
            cursor = cursor.started(month);
            cursor.save(cursorFile);
            result = fetchAndImport(options, "historical", month, month.atDay(1), month.plusMonths(1).atDay(1));
            if (result.exitCode() == 0) {
                cursor = cursor.completed(month);
                cursor.save(cursorFile);
            }
        } else if (historicalOnly) {
            result = new Result("complete", "historical", current, 0, 0, "back-fill complete", 0);
        } else {
            // The current month so far: sacct's end day is exclusive, so tomorrow (§1.2).
            result = fetchAndImport(options, "incremental", current, current.atDay(1), today.plusDays(1));
        }
        writeHealth(now, result, cursor);
        return result;
    }

    private Result fetchAndImport(SyncOptions options, String phase, YearMonth month, LocalDate from, LocalDate until)
            throws IOException {
        Path fetchDir = state.resolve("fetch");
        Files.createDirectories(fetchDir);
        Path file = fetchDir.resolve(month + ".txt");
        try {
            source.fetch(new AccountingSource.Request(machine.name(), from, until, null,
                    machine.definition().parser(), state), file);
        } catch (IOException e) {
            return new Result("sacct_failed", phase, month, 0, 0, e.getMessage(), 1);
        }
        try {
            // Incremental: the same file name comes back every tick, so the ledger must not skip it.
            // Jobs of pruned days (retention) are de-duplicated against the cluster's Bloom files.
            SyncEngine.FileResult r = new SyncEngine(db, machine, options, SyncListener.NONE,
                    new BloomSeenJobs(state, BloomSeenJobs.DEFAULT_EXPECTED)).importFile(file);
            return new Result("ok", phase, month, r.fetched(), r.inserted(),
                    r.errors() > 0 ? r.errors() + " malformed rows" : null, 0);
        } catch (RuntimeException e) {
            return new Result("import_failed", phase, month, 0, 0, e.getMessage(), 1);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void writeClusterFile() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduler", source.scheduler());
        AtomicFiles.write(state.resolve("cluster.json"), JSON.writeValueAsString(m));
    }

    /** {@code health.json}: the shape slurm-scoreboard.md §8.3 suggests. */
    private void writeHealth(Instant now, Result r, PollCursor cursor) throws IOException {
        Path file = state.resolve("health.json");
        Map<String, Object> h = new LinkedHashMap<>();
        String lastSuccess = null;
        if (Files.exists(file)) {
            lastSuccess = JSON.readTree(Files.readString(file)).path("last_success_utc").asText(null);
        }
        h.put("cursor", Map.of("backfill_start", String.valueOf(cursor.backfillStart()),
                "last_complete_month", String.valueOf(cursor.lastComplete())));
        h.put("last_attempt_utc", now.toString());
        h.put("last_error", r.exitCode() == 0 ? null : r.message());
        h.put("last_status", r.status());
        h.put("last_success_utc", r.exitCode() == 0 ? now.toString() : lastSuccess);
        h.put("month", r.month() == null ? null : r.month().toString());
        h.put("phase", r.phase());
        AtomicFiles.write(file, JSON.writeValueAsString(h));
    }
}
