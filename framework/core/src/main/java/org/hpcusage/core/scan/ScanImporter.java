package org.hpcusage.core.scan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanParser;

/**
 * Imports one scan into its own store, reading the input once. The new store is built aside (an
 * SQLite file next to the target, or a {@code <collection>_staging} PostgreSQL schema) and only
 * replaces the old one when complete, so a killed import leaves the previous store in place.
 */
public final class ScanImporter {

    /** How much of a file format detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    /** What an import did. */
    public record Result(String collection, String format, DatabaseTarget target, long lines, long entries, long files,
                         int directories, long rejected, long orphanFiles, long duplicateDirectories,
                         double parseSeconds, double writeSeconds) {
    }

    /** {@code -Dhpcusage.fs.timing=true}: phase times on stderr, for performance work. */
    static final boolean TIMING = Boolean.getBoolean("hpcusage.fs.timing");

    /** CPU time of the whole process so far (all threads), or 0 where unknown. */
    static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** The first bytes of a file (decompressed when it is gzip), for {@link ScanParser#recognizes}. */
    public static byte[] head(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** The file's bytes, transparently gunzipped (by content, not by name). */
    public static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 20);
        }
        return in;
    }

    /**
     * @param file       the scan file
     * @param parser     its parser
     * @param collection the collection name (lower case)
     * @param target     the store: an SQLite file, or PostgreSQL (schema = collection)
     * @param zone       zone for epoch-second times
     * @param rejects    receives "file:line: reason" per rejected line
     */
    public Result importFile(Path file, ScanParser parser, String collection, DatabaseTarget target, ZoneId zone,
                             HostAccounts accounts, Consumer<String> rejects) throws IOException {
        String fileName = file.getFileName().toString();
        LocalDate date = ScanNaming.scanDate(fileName);
        if (ChunkedParse.supports(parser)) {
            // lines stand alone: parse chunks on several threads, merged in file order
            return importInto(fileName, date, parser.format(), tree -> {
                try (InputStream in = open(file)) {
                    ChunkedParse.run(parser, fileName, in, zone, tree, ChunkedParse.workers());
                }
            }, collection, target, accounts, rejects);
        }
        return importEntries(fileName, date, parser.format(), sink -> {
            try (InputStream in = open(file)) {
                parser.parse(new ScanInput(fileName, in, zone), sink);
            }
        }, collection, target, accounts, rejects);
    }

    /** Fills the tree from the input. */
    private interface Filler {
        void fill(ScanTree tree) throws IOException;
    }

    /** Pushes a scan's entries into a sink; a file parser or a live walk. */
    public interface Producer {
        void produce(org.hpcusage.spi.scan.EntrySink sink) throws IOException;
    }

    /**
     * Imports entries from any producer (a live walk with {@code fs scan}).
     *
     * @param sourceName what {@code scan_metadata.source_file} records
     * @param date       the scan date, or null
     */
    public Result importEntries(String sourceName, LocalDate date, String format, Producer producer, String collection,
                                DatabaseTarget target, HostAccounts accounts, Consumer<String> rejects) throws IOException {
        return importInto(sourceName, date, format, tree -> PipelinedSink.run(producer, tree), collection, target,
                accounts, rejects);
    }

    private Result importInto(String sourceName, LocalDate date, String format, Filler filler, String collection,
                              DatabaseTarget target, HostAccounts accounts, Consumer<String> rejects) throws IOException {
        long scanDate = date == null ? FileEntry.NO_TIME : NaiveTime.of(date.atStartOfDay());
        if (target.dialect() == Dialect.SQLITE) {
            warmUpSqlite();
        }
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        ScanTree tree = new ScanTree(scanDate, r -> rejects.accept(sourceName + ":" + r));
        filler.fill(tree);
        long tf = System.nanoTime();
        long cf = cpuNanos();
        tree.finish();
        if (TIMING) {
            System.err.printf("read %.2f s (%.2f s CPU), finish %.2f s%n", (tf - t0) / 1e9, (cf - c0) / 1e9,
                    (System.nanoTime() - tf) / 1e9);
        }
        long t1 = System.nanoTime();
        ScanStoreWriter.Provenance provenance = new ScanStoreWriter.Provenance(sourceName,
                date == null ? null : NaiveTime.format(scanDate), NaiveTime.format(NaiveTime.of(LocalDateTime.now())),
                collection, format);
        try {
            if (target.dialect() == Dialect.SQLITE) {
                writeSqlite(tree, provenance, target.sqliteFile(), accounts);
            } else {
                writePostgres(tree, provenance, target, collection, accounts);
            }
        } catch (SQLException e) {
            throw new UserException("cannot write scan store " + target.display() + ": " + e.getMessage(), e);
        }
        long t2 = System.nanoTime();
        if (TIMING) {
            System.err.printf("write %.2f s (%.2f s CPU)%n", (t2 - t1) / 1e9, (cpuNanos() - cf) / 1e9);
        }
        return new Result(collection, format, target, tree.entries() + tree.rejected(), tree.entries(),
                tree.files(), tree.directoryCount(), tree.rejected(), tree.orphanFiles(), tree.duplicateDirectories(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /**
     * Loads sqlite-jdbc's native library and classes on a spare thread while the scan is read
     * (the first connection of a process costs a tenth of a second or more).
     */
    private static void warmUpSqlite() {
        Thread t = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
                 java.sql.PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                ps.setLong(1, 1);
                ps.executeQuery().close();
            } catch (SQLException e) {
                // the real connection will report it
            }
        }, "sqlite-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void writeSqlite(ScanTree tree, ScanStoreWriter.Provenance provenance, Path target,
                                    HostAccounts accounts) throws IOException, SQLException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A fixed name: a killed import's leftover is found and replaced by the next run.
        Path aside = dir.resolve(target.getFileName() + ".building");
        Files.deleteIfExists(aside);
        Files.deleteIfExists(dir.resolve(aside.getFileName() + "-journal"));
        boolean done = false;
        try {
            long tc = System.nanoTime();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + aside)) {
                if (TIMING) {
                    System.err.printf("connect %.2f s%n", (System.nanoTime() - tc) / 1e9);
                }
                try (Statement st = c.createStatement()) {
                    // The file is not in use until it is renamed; a crash just discards it.
                    st.execute("PRAGMA journal_mode=OFF");
                    st.execute("PRAGMA synchronous=OFF");
                    // A big page cache and sorter threads: building the indexes is the slowest step.
                    st.execute("PRAGMA cache_size=-262144");
                    st.execute("PRAGMA threads=2");
                    st.execute("PRAGMA temp_store=MEMORY");
                    st.execute("PRAGMA locking_mode=EXCLUSIVE");
                }
                new ScanStoreWriter(c, Dialect.SQLITE).write(tree, provenance, accounts);
                c.setAutoCommit(true);
                long t0 = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA optimize");
                }
                if (TIMING) {
                    System.err.printf("optimize %.2f s%n", (System.nanoTime() - t0) / 1e9);
                }
                tc = System.nanoTime();
            }
            if (TIMING) {
                System.err.printf("close %.2f s%n", (System.nanoTime() - tc) / 1e9);
            }
            try {
                Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(aside);
            }
        }
    }

    private static void writePostgres(ScanTree tree, ScanStoreWriter.Provenance provenance, DatabaseTarget target,
                                      String collection, HostAccounts accounts) throws SQLException {
        String staging = ScanStores.quote(collection + "_staging");
        Properties props = new Properties();
        props.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), props)) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + staging + " CASCADE");
                st.execute("CREATE SCHEMA " + staging);
                st.execute("SET search_path TO " + staging);
            }
            new ScanStoreWriter(c, Dialect.POSTGRESQL).write(tree, provenance, accounts);
            swap(c, collection, false);
        }
    }

    /**
     * Replaces schema {@code <collection>} by {@code <collection>_staging} in one transaction (the
     * previous one becomes {@code <collection>_old}, dropped afterwards unless {@code keepOld}).
     */
    static void swap(Connection c, String collection, boolean keepOld) throws SQLException {
        String live = ScanStores.quote(collection);
        String staging = ScanStores.quote(collection + "_staging");
        String old = ScanStores.quote(collection + "_old");
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            st.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = "
                    + ScanStores.literal(collection) + ") THEN EXECUTE 'ALTER SCHEMA " + live.replace("'", "''")
                    + " RENAME TO " + old.replace("'", "''") + "'; END IF; END $$");
            st.execute("ALTER SCHEMA " + staging + " RENAME TO " + live);
        }
        c.commit();
        if (!keepOld) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
            }
            c.commit();
        }
        c.setAutoCommit(true);
    }
}
