package org.hpcusage.core.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.store.JobMapper;
import org.hpcusage.core.store.JobRow;
import org.hpcusage.core.store.LedgerEntry;
import org.hpcusage.core.store.LedgerMapper;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.RecordMapper;
import org.hpcusage.core.store.StoredDictionary;
import org.hpcusage.core.store.RollupMapper;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;
import org.hpcusage.spi.charging.Charge;

/**
 * Syncs a machine's accounting logs into the store, one day file at a time. Each day is one
 * transaction holding its jobs, charges, raw records, daily summary and ledger row, so a day is
 * either wholly stored or not at all: killing a sync and running it again gives the same store
 * as one clean run. Memory is bounded by one write batch plus the day's de-duplication keys.
 */
public final class SyncEngine {

    private final Database db;
    private final Machine machine;
    private final SyncOptions options;
    private final SyncListener listener;
    private final Lookups lookups = new Lookups();
    private final SeenJobs seenJobs;
    private RecordCodec.Compressor compressor;
    private long machineId;

    public SyncEngine(Database db, Machine machine, SyncOptions options, SyncListener listener) {
        this(db, machine, options, listener, null);
    }

    /**
     * @param seenJobs the memory of pruned jobs (retention mode), or null: then a job ending on
     *                 a pruned day cannot be told from one counted before and is not stored
     *                 (an under-count, never a double count)
     */
    public SyncEngine(Database db, Machine machine, SyncOptions options, SyncListener listener, SeenJobs seenJobs) {
        this.db = db;
        this.machine = machine;
        this.options = options;
        this.listener = listener;
        this.seenJobs = seenJobs;
    }

    /** Runs every day from {@code first} to {@code last} inclusive (none when first is after last). */
    public SyncStats run(LocalDate first, LocalDate last) {
        if (options.mode().readsLogs() && !Files.isDirectory(options.logDir())) {
            throw new UserException("log directory not found: " + options.logDir());
        }
        machineId = ensureMachine();
        SyncStats stats = new SyncStats();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            DayResult result = switch (options.mode()) {
                case RECALCULATE -> recalculate(day);
                case RESUMMARIZE -> resummarize(day);
                default -> syncLogDay(day);
            };
            stats.add(result, options.mode());
            listener.dayFinished(result);
        }
        return stats;
    }

    /**
     * Imports saved accounting files of any scheduler (a sacct dump, a PBS day file), one
     * transaction per file: its jobs, charges, raw records, the summaries of every day its jobs
     * end on, and a ledger row. Jobs already stored are skipped (or updated with
     * {@link SyncMode#UPSERT}), so importing a file again adds nothing.
     */
    public FileResult importFile(Path file) {
        return importFile(file, "file:" + file.toAbsolutePath().normalize());
    }

    /**
     * {@link #importFile(Path)} with the ledger's name for the unit given, for input that has no
     * lasting file name (standard input spooled to a temporary file).
     */
    public FileResult importFile(Path file, String unit) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("file not found: " + file);
        }
        if (machineId == 0) {
            machineId = ensureMachine();
        }
        long size = size(file);
        if (options.mode() == SyncMode.PLAIN && alreadySynced(unit, size)) {
            return new FileResult(file, 0, 0, 0, 0, 0, true);
        }
        return inTransaction(file, session -> {
            DayWriter writer = writeUnit(session, file, size, unit);
            int summarized = 0;
            if (options.summarize()) {
                List<LocalDate> days = new ArrayList<>();
                for (int day : writer.days) {
                    days.add(Machine.day(day));
                }
                summarize(session, days, writer.tallies);
                summarized = days.size();
            }
            writer.rollupOnly.prune(session, machineId);
            return new FileResult(file, writer.fetched, writer.inserted, writer.updated, writer.errors, summarized, false);
        });
    }

    /**
     * What importing one file did; {@code daysSummarized} counts the days whose summary was
     * rebuilt; {@code skipped}: the ledger shows this file, at this size, already imported.
     */
    public record FileResult(Path file, int fetched, int inserted, int updated, int errors, int daysSummarized,
                             boolean skipped) {
        public int duplicates() {
            return fetched - inserted - updated - errors;
        }
    }

    /**
     * {@code -Dhpcusage.sync.timing=true}: where a unit's writing thread spent its time, on
     * stderr after each commit, for performance work.
     */
    private static final class Timing {
        private static final boolean ON = Boolean.getBoolean("hpcusage.sync.timing");
        long waiting;
        long writing;
        long flushing;
        long summarizing;
        long committing;

        void report() {
            if (ON) {
                System.err.printf(Locale.ROOT, "sync timing: waiting for the parser %.2f s, writing %.2f s (of it "
                        + "executing batches %.2f s), summaries and rollups %.2f s, commit %.2f s%n", waiting / 1e9,
                        writing / 1e9, flushing / 1e9, summarizing / 1e9, committing / 1e9);
            }
            waiting = writing = flushing = summarizing = committing = 0;
        }
    }

    private final Timing timing = new Timing();

    private interface UnitWork<T> {
        T run(SqlSession session) throws IOException, SQLException;
    }

    /** Runs one unit in a transaction; any failure rolls the whole unit back. */
    private <T> T inTransaction(Path file, UnitWork<T> work) {
        try (SqlSession session = db.writer()) {
            try {
                T result = work.run(session);
                long t = System.nanoTime();
                session.commit();
                timing.committing += System.nanoTime() - t;
                timing.report();
                return result;
            } catch (RuntimeException | SQLException | IOException e) {
                session.rollback();
                // Ids cached during the failed transaction no longer exist.
                lookups.clear();
                compressor = null;
                if (e instanceof IOException io) {
                    throw new UncheckedIOException(file + ": " + io.getMessage(), io);
                }
                if (e instanceof SQLException sql) {
                    throw new IllegalStateException(file + ": " + sql.getMessage(), sql);
                }
                throw (RuntimeException) e;
            }
        }
    }

    private long ensureMachine() {
        try (SqlSession session = db.writer()) {
            LookupMapper mapper = session.getMapper(LookupMapper.class);
            mapper.upsertMachine(machine.name(), machine.zone().getId());
            long id = mapper.idOf(LookupTable.MACHINES.table(), LookupTable.MACHINES.column(), machine.name());
            session.commit();
            return id;
        }
    }

    // ---- days read from logs -------------------------------------------------------------

    private DayResult syncLogDay(LocalDate day) {
        Path file = options.logDir().resolve(machine.parser().dayFileName(day));
        if (!Files.isRegularFile(file)) {
            return DayResult.failed(day, "log file not found");
        }
        long size = size(file);
        if (options.dryRun()) {
            return dryRun(day, file);
        }
        if (options.mode() == SyncMode.PLAIN && alreadySynced(day.toString(), size)) {
            return DayResult.skipped(day, "already synced");
        }
        return inTransaction(file, session -> writeDay(session, day, file, size));
    }

    private boolean alreadySynced(String unit, long size) {
        try (SqlSession session = db.reader()) {
            LedgerEntry entry = session.getMapper(LedgerMapper.class).find(machineId, unit);
            // A file that grew since (today's log, still being written) is read again.
            return entry != null && entry.getSourceBytes() != null && entry.getSourceBytes() == size;
        }
    }

    private DayResult writeDay(SqlSession session, LocalDate day, Path file, long size)
            throws IOException, SQLException {
        DayWriter writer = writeUnit(session, file, size, day.toString());
        boolean summarized = false;
        List<LocalDate> days = new ArrayList<>();
        if (options.summarize() && (options.mode() != SyncMode.INCREMENTAL || writer.inserted > 0)) {
            days.add(day);
            summarized = true;
        }
        // Jobs that landed on another day that is pruned (they must leave the jobs table in this
        // transaction) or kept as aggregates only (its tally must be written) are summed here too.
        for (int other : writer.days) {
            if (other != Machine.yyyymmdd(day) && (writer.pruned.contains(other) || writer.rollupOnly.contains(other))) {
                days.add(Machine.day(other));
            }
        }
        summarize(session, days, writer.tallies);
        writer.rollupOnly.prune(session, machineId);
        return new DayResult(day, DayResult.Outcome.SYNCED, null, writer.fetched, writer.inserted, writer.updated,
                writer.errors, summarized);
    }

    /** Parses one file into the open transaction and writes its ledger row under {@code unit}. */
    private DayWriter writeUnit(SqlSession session, Path file, long size, String unit)
            throws IOException, SQLException {
        if (db.dialect() == Dialect.POSTGRESQL) {
            session.getMapper(JobMapper.class).lockForWrite();
        }
        RecordCodec.Compressor codec = compressor(session, file);
        long nextId = session.getMapper(JobMapper.class).maxId() + 1;
        DayWriter writer = new DayWriter(session, file.toString(), codec, nextId);
        writer.pruned.addAll(session.getMapper(RollupMapper.class).prunedDays(machineId));
        // Charging and compression are pure and need no connection: they run on the parser's
        // thread, so the writer's thread only binds and executes.
        try (JobWriter jobs = new JobWriter(session.getConnection(), db.dialect());
             ParseAhead<PreparedJob> parsed = ParseAhead.start("parse " + file.getFileName(), sink -> parse(file, sink),
                     job -> prepare(job, codec, writer.rollupOnly), options.batchSize())) {
            writer.jobs = jobs;
            long t0 = System.nanoTime();
            for (ParseAhead.Batch<PreparedJob> batch; (batch = parsed.next()) != null; ) {
                long t1 = System.nanoTime();
                timing.waiting += t1 - t0;
                writer.write(batch);
                t0 = System.nanoTime();
                timing.writing += t0 - t1;
            }
            writer.finishTallies();
        } finally {
            writer.stopTallies();
        }
        if (writer.fetched > 0 && writer.errors == writer.fetched) {
            // Not one record could be read (a wrong --scheduler, a wrong file): not recorded as
            // done, so a run with the right options reads it instead of skipping it.
            return writer;
        }
        LedgerEntry entry = new LedgerEntry();
        entry.setMachineId(machineId);
        entry.setUnit(unit);
        entry.setSource(file.toAbsolutePath().toString());
        entry.setSourceBytes(size);
        entry.setMode(options.mode().label());
        entry.setFetched(writer.fetched);
        entry.setInserted(writer.inserted);
        entry.setUpdated(writer.updated);
        entry.setRejected(writer.errors);
        entry.setSyncedAt(System.currentTimeMillis() / 1000);
        session.getMapper(LedgerMapper.class).upsert(entry);
        return writer;
    }

    private DayResult dryRun(LocalDate day, Path file) {
        int[] counts = new int[2];
        try {
            parse(file, new JobSink() {
                public void accept(JobRecord job) { counts[0]++; }
                public void reject(long line, String reason) {
                    counts[1]++;
                    listener.rejected(file.toString(), line, reason);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        return new DayResult(day, DayResult.Outcome.SYNCED, null, counts[0] + counts[1], 0, 0, counts[1], false);
    }

    private void parse(Path file, JobSink sink) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            machine.parser().parse(new AccountingInput(machine.name(), file.toString(), reader,
                    machine.definition().parser()), sink);
        }
    }

    /**
     * The compressor for raw records. With zstd, the machine's dictionary is trained once, from
     * the first day file that has enough records, inside that day's transaction.
     */
    private RecordCodec.Compressor compressor(SqlSession session, Path file) throws IOException {
        if (compressor != null && compressor.codec() != RecordCodec.ZSTD) {
            return compressor;
        }
        if (options.codec().equals("gzip")) {
            return compressor = RecordCodec.gzip();
        }
        RecordMapper records = session.getMapper(RecordMapper.class);
        StoredDictionary stored = records.latestDictionary(machineId);
        if (stored == null) {
            List<String> samples = new ArrayList<>();
            try {
                parse(file, new JobSink() {
                    public void accept(JobRecord job) {
                        if (job.rawRecord() != null) {
                            samples.add(job.rawRecord());
                        }
                        if (samples.size() == RecordCodec.MAX_TRAINING_SAMPLES) {
                            throw new EnoughSamples(); // the rest of the file would add nothing
                        }
                    }
                    public void reject(long line, String reason) { }
                });
            } catch (EnoughSamples e) {
                // the sample is full
            }
            byte[] dictionary = RecordCodec.train(samples);
            if (dictionary == null) {
                return compressor = RecordCodec.zstd();
            }
            records.insertDictionary(machineId, samples.size(), dictionary);
            stored = records.latestDictionary(machineId);
        }
        return compressor = RecordCodec.zstd(stored.getId(), stored.getDictionary());
    }

    /**
     * A parsed job with its charge, compressed raw record and de-duplication key, made on the
     * parser's thread (the writing thread is the import's bound). A job that will likely be kept
     * as rollups only is not compressed here: the writer does it if its row is stored after all.
     */
    private record PreparedJob(JobRecord job, Charge charge, byte[] record, String identity) {
    }

    private PreparedJob prepare(JobRecord job, RecordCodec.Compressor codec, RollupOnlyDays rollupOnly) {
        return new PreparedJob(job, machine.rule().charge(job),
                job.rawRecord() == null || rollupOnly.likely(machine, job.end()) ? null : codec.compress(job.rawRecord()),
                JobWriter.identity(job.jobId(), job.submit() == null ? null : job.submit().getEpochSecond()));
    }

    /** Writes one day's parsed batches: de-duplicates against the store and the file, then batches SQL. */
    private final class DayWriter {
        private final SqlSession session;
        private final String source;
        private final RecordCodec.Compressor codec;
        private final Set<String> seen = new HashSet<>();
        private final List<String> jobIds = new ArrayList<>();
        private final Set<String> users = new HashSet<>();
        private final Set<String> accounts = new HashSet<>();
        private final Set<String> queues = new HashSet<>();
        /** Machine-local days (yyyymmdd) of the jobs written, whose summaries an import rebuilds. */
        final Set<Integer> days = new TreeSet<>();
        /** The machine's pruned days: their jobs are de-duplicated against {@link SeenJobs}. */
        final Set<Integer> pruned = new HashSet<>();
        /**
         * Days that had no jobs before this unit, summed as their jobs are written, so their
         * aggregates need no read of what was just written (SQLite; see {@link DayTally}).
         */
        final Map<Integer, DayTally> tallies = new HashMap<>();
        /** Days summed from the store: they had jobs before this unit, are pruned, or are on PostgreSQL. */
        private final Set<Integer> readBack = new HashSet<>();
        /** Retention mode: days with nothing stored yet, before the cut-off, kept as aggregates only. */
        final RollupOnlyDays rollupOnly = new RollupOnlyDays(options.rollupOnlyBefore(), seenJobs);
        /** Tallying new days pays on SQLite (no hash aggregate); PostgreSQL tallies rollup-only days only. */
        private final boolean tallyNewDays = db.dialect() == Dialect.SQLITE;
        private final boolean tallying = options.summarize() && (tallyNewDays || rollupOnly.on());
        /**
         * Adding to the tallies runs on a thread of its own, a batch at a time: it is ~2 s of a
         * million-job import, and this thread is the import's bound while the parser's has time.
         */
        private final ExecutorService tallyThread = tallying ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "day tally");
            t.setDaemon(true);
            return t;
        }) : null;
        private final List<Future<?>> tallied = new ArrayList<>();
        private List<Runnable> toTally = new ArrayList<>();
        private JobWriter jobs;
        private long nextId;
        int fetched, inserted, updated, errors;

        DayWriter(SqlSession session, String source, RecordCodec.Compressor codec, long nextId) {
            this.session = session;
            this.source = source;
            this.codec = codec;
            this.nextId = nextId;
        }

        void write(ParseAhead.Batch<PreparedJob> batch) throws SQLException {
            for (ParseAhead.Rejection r : batch.rejections()) {
                listener.rejected(source, r.line(), r.reason());
            }
            fetched += batch.jobs().size() + batch.rejections().size();
            errors += batch.rejections().size();
            if (batch.jobs().isEmpty()) {
                return;
            }
            jobIds.clear();
            users.clear();
            accounts.clear();
            queues.clear();
            for (PreparedJob p : batch.jobs()) {
                jobIds.add(p.job().jobId());
                users.add(p.job().user());
                accounts.add(p.job().account());
                queues.add(p.job().queue());
            }
            lookups.prefetch(session, LookupTable.USERS, users);
            lookups.prefetch(session, LookupTable.ACCOUNTS, accounts);
            lookups.prefetch(session, LookupTable.QUEUES, queues);
            Map<String, Long> stored = jobs.findStored(machineId, jobIds);
            for (PreparedJob p : batch.jobs()) {
                JobRecord job = p.job();
                String key = p.identity();
                if (!seen.add(key)) {
                    continue; // the same job twice in one file: the first one counts
                }
                Long id = stored.get(key);
                if (id == null && !pruned.isEmpty() && seenBefore(job)) {
                    continue; // its day was pruned and it was counted then
                }
                if (id == null) {
                    JobWriter.Keys keys = keys(job, p.charge());
                    // Before the insert: a new day is checked against the store.
                    if (tally(job, keys, p.charge())) {
                        rollupOnly.remember(job.jobId(), job.end());
                    } else {
                        long newId = nextId++;
                        jobs.insert(newId, job, keys);
                        write(newId, p);
                    }
                    inserted++;
                } else if (options.mode() == SyncMode.UPSERT) {
                    // Charges come from the freshly parsed values (the reference used stale ones).
                    JobWriter.Keys keys = keys(job, p.charge());
                    readBack(keys.endDay());
                    jobs.update(id, job, keys);
                    write(id, p);
                    updated++;
                }
            }
            if (!toTally.isEmpty()) {
                List<Runnable> work = toTally;
                toTally = new ArrayList<>();
                tallied.add(tallyThread.submit(() -> work.forEach(Runnable::run)));
            }
            long t = System.nanoTime();
            jobs.flush();
            timing.flushing += System.nanoTime() - t;
        }

        /** Waits until every job handed to the tallies is added (a failure there fails the unit). */
        void finishTallies() throws SQLException {
            for (Future<?> f : tallied) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while summing the days", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            tallied.clear();
        }

        void stopTallies() {
            if (tallyThread != null) {
                tallyThread.shutdownNow();
            }
        }

        /**
         * Adds a new job to its day's tally, if its day had no jobs before this unit.
         *
         * @return whether the job is kept in the tally only (a rollup-only day): no row is written
         */
        private boolean tally(JobRecord job, JobWriter.Keys keys, Charge charge) {
            int day = keys.endDay();
            if (!tallying || day == 0 || readBack.contains(day)) {
                return false;
            }
            DayTally tally = tallies.get(day);
            if (tally == null) {
                // First job of the day in this unit, not yet written: the store shows what was there before.
                boolean rollupOnlyDay = rollupOnly.before(day);
                if (!(rollupOnlyDay || tallyNewDays) || pruned.contains(day)
                        || session.getMapper(RollupMapper.class).countJobsOn(machineId, day) > 0) {
                    readBack.add(day);
                    return false;
                }
                tally = new DayTally();
                tallies.put(day, tally);
                if (rollupOnlyDay) {
                    rollupOnly.add(day);
                }
            }
            DayTally into = tally;
            toTally.add(() -> into.add(job, keys.userId(), keys.accountId(), keys.queueId(), charge));
            return rollupOnly.contains(day);
        }

        /** A day whose stored jobs change here (an update) is summed from the store. */
        private void readBack(int day) {
            if (rollupOnly.contains(day)) {
                throw new IllegalStateException("an update on a rollup-only day"); // SyncOptions rules it out
            }
            if (day != 0) {
                tallies.remove(day);
                readBack.add(day);
            }
        }

        /** Whether a job not in the store ends on a pruned day and is (or may be) counted already. */
        private boolean seenBefore(JobRecord job) {
            if (job.end() == null || !pruned.contains(machine.dayOf(job.end()))) {
                return false;
            }
            return seenJobs == null || seenJobs.contains(job.jobId(), job.end());
        }

        private void write(long id, PreparedJob p) throws SQLException {
            jobs.charge(id, p.charge());
            byte[] record = p.record();
            if (record == null && p.job().rawRecord() != null) {
                record = codec.compress(p.job().rawRecord());   // left for here by prepare(): see PreparedJob
            }
            if (record != null) {
                jobs.record(id, codec.codec(), codec.dictionaryId(), record);
            }
        }

        private JobWriter.Keys keys(JobRecord job, Charge charge) {
            int endDay = job.end() == null ? 0 : machine.dayOf(job.end());
            if (endDay != 0) {
                days.add(endDay);
            }
            return new JobWriter.Keys(machineId, endDay,
                    lookups.id(session, LookupTable.USERS, job.user()),
                    lookups.id(session, LookupTable.ACCOUNTS, job.account()),
                    lookups.id(session, LookupTable.QUEUES, job.queue()),
                    lookups.qos(session, charge.qos(), charge.qosFactor()));
        }
    }

    // ---- days computed from the store -----------------------------------------------------

    private DayResult recalculate(LocalDate day) {
        try (SqlSession session = db.writer()) {
            List<JobRow> rows = session.getMapper(JobMapper.class).endingOn(machineId, Machine.yyyymmdd(day));
            if (options.dryRun()) {
                return new DayResult(day, DayResult.Outcome.SYNCED, null, rows.size(), 0, 0, 0, false);
            }
            try (JobWriter jobs = new JobWriter(session.getConnection(), db.dialect())) {
                int n = 0;
                for (JobRow row : rows) {
                    jobs.charge(row.getId(), machine.rule().charge(row.toRecord()));
                    if (++n % options.batchSize() == 0) {
                        jobs.flush();
                    }
                }
                jobs.flush();
            }
            boolean summarized = options.summarize() && !rows.isEmpty();
            if (summarized) {
                summarize(session, List.of(day));
            }
            session.commit();
            return new DayResult(day, DayResult.Outcome.SYNCED, null, rows.size(), 0, rows.size(), 0, summarized);
        } catch (SQLException e) {
            throw new IllegalStateException("recalculating " + day + ": " + e.getMessage(), e);
        }
    }

    private DayResult resummarize(LocalDate day) {
        try (SqlSession session = db.writer()) {
            summarize(session, List.of(day));
            session.commit();
        }
        return new DayResult(day, DayResult.Outcome.SYNCED, null, 0, 0, 0, 0, true);
    }

    /** Rebuilds machine-local days' summaries and rollups (adds to them on a pruned day). */
    private void summarize(SqlSession session, List<LocalDate> days) {
        summarize(session, days, Map.of());
    }

    private void summarize(SqlSession session, List<LocalDate> days, Map<Integer, DayTally> tallies) {
        long t = System.nanoTime();
        DayAggregates.summarize(session, machineId, days, seenJobs, tallies);
        timing.summarizing += System.nanoTime() - t;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Ends the dictionary's training pass over a file once the sample is full. */
    private static final class EnoughSamples extends RuntimeException {
        EnoughSamples() {
            super(null, null, false, false);
        }
    }
}
