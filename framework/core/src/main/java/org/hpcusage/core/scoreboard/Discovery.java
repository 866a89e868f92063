package org.hpcusage.core.scoreboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.ScoreboardMapper;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * New-user discovery and user-scoped back-fill (slurm-scoreboard.md §5.4): users found in the
 * {@code /home} listing or in the scheduler's user list but unknown to the store get their
 * history fetched month by month, over the back-filled months, with the scheduler's per-user
 * query (which sees jobs an all-users query run without privileges may not).
 *
 * <p>Unlike the reference, a user once scanned is remembered in
 * {@code state/discovered_users.json} (user → last month scanned), so a user without jobs is not
 * "new" again on every run (the reference's discovery starvation), and later runs reach the
 * users after the first {@code limit}. It runs under the cluster's poll lock, so it cannot race a
 * poll. Re-fetching a month is harmless: the store de-duplicates by (job id, submit).
 */
public final class Discovery {

    /** System accounts never treated as users (the reference's deny list). */
    static final Set<String> SYSTEM_ACCOUNTS = Set.of("root", "daemon", "bin", "sys", "sync", "games", "man", "nobody",
            "mail", "postfix", "ftp", "sshd", "rpc", "rpcuser", "dbus", "ntp", "operator");

    /** What a run found and did; {@code processed}: user → months in which new jobs were stored. */
    public record Result(String status, int knownUsers, int homeUsers, int schedulerUsers, int newUsersFound,
                         Map<String, List<String>> processed, int exitCode) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Machine machine;
    private final AccountingSource source;
    private final Path state;
    private final Path home;

    /** @param home the folder whose entries name users ({@code /home}); null to skip the listing */
    public Discovery(Database db, Machine machine, AccountingSource source, Path root, Path home) {
        this.db = db;
        this.machine = machine;
        this.source = source;
        this.state = root.resolve("clusters").resolve(machine.name()).resolve("state");
        this.home = home;
    }

    /** Discovers and back-fills at most {@code limitUsers} new users (alphabetically first). */
    public Result run(int limitUsers) throws IOException {
        Result r = ClusterLock.tryWith(state, () -> locked(limitUsers));
        return r != null ? r : new Result("locked", 0, 0, 0, 0, Map.of(), 3);
    }

    private Result locked(int limitUsers) throws IOException {
        PollCursor cursor = PollCursor.load(state.resolve("poll_cursor.json"));
        if (cursor.backfillStart() == null || cursor.lastComplete() == null) {
            return new Result("no_complete_months", 0, 0, 0, 0, Map.of(), 0);
        }
        YearMonth first = cursor.backfillStart();
        YearMonth last = cursor.lastComplete();
        Path discoveredFile = state.resolve("discovered_users.json");
        Map<String, String> discovered = loadDiscovered(discoveredFile);

        Set<String> known = new TreeSet<>(discovered.keySet());
        try (SqlSession session = db.reader()) {
            known.addAll(session.getMapper(ScoreboardMapper.class).usersWithJobs(machine.name()));
        }
        List<String> homeUsers = homeUsers(home);
        List<String> schedulerUsers = new ArrayList<>();
        for (String u : source.users(request(first.atDay(1), last.plusMonths(1).atDay(1), null))) {
            String name = u.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !SYSTEM_ACCOUNTS.contains(name)) {
                schedulerUsers.add(name);
            }
        }
        Set<String> candidates = new TreeSet<>(homeUsers);
        candidates.addAll(schedulerUsers);
        candidates.removeAll(known);

        Map<String, List<String>> processed = new LinkedHashMap<>();
        for (String user : candidates) {
            if (processed.size() == limitUsers) {
                break;
            }
            List<String> changed = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                if (backfill(user, m) > 0) {
                    changed.add(m.toString());
                }
            }
            processed.put(user, changed);
            // Saved after each user: a run killed half-way redoes only the user it was on.
            discovered.put(user, last.toString());
            AtomicFiles.write(discoveredFile, JSON.writeValueAsString(discovered));
        }
        return new Result("ok", known.size(), homeUsers.size(), schedulerUsers.size(), candidates.size(), processed, 0);
    }

    /** Fetches one user's month and stores it; returns the jobs that were new. */
    private int backfill(String user, YearMonth month) throws IOException {
        Path dir = Files.createDirectories(state.resolve("fetch"));
        Path file = dir.resolve("discover-" + month + ".txt");
        try {
            source.fetch(request(month.atDay(1), month.plusMonths(1).atDay(1), user), file);
            return new SyncEngine(db, machine, SyncOptions.defaults(SyncMode.INCREMENTAL, null), SyncListener.NONE,
                    new BloomSeenJobs(state, BloomSeenJobs.DEFAULT_EXPECTED)).importFile(file).inserted();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private AccountingSource.Request request(java.time.LocalDate from, java.time.LocalDate until, String user) {
        return new AccountingSource.Request(machine.name(), from, until, user, machine.definition().parser(), state);
    }

    /**
     * Entries of the home folder that look like user names (§5.4): not hidden, not a system
     * account, at least two characters, only letters, digits, '-' and '_'; lower-cased. An
     * unreadable or missing folder gives none.
     */
    static List<String> homeUsers(Path home) {
        List<String> out = new ArrayList<>();
        if (home == null || !Files.isDirectory(home)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(home)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.length() < 2 || !userLike(name)) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!SYSTEM_ACCOUNTS.contains(lower)) {
                    out.add(lower);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    private static boolean userLike(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> loadDiscovered(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (Files.exists(file)) {
            JsonNode n = JSON.readTree(Files.readString(file));
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
