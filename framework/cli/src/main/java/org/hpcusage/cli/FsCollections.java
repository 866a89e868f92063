package org.hpcusage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.hpcusage.core.scan.ScanReader;
import org.hpcusage.core.scan.ScanStores;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.util.UserException;

/**
 * The collections a read command asks about: {@code FILESYSTEM} (default {@code all}) in the data
 * folder, or in the PostgreSQL database of {@code --db URL}, or the one SQLite file {@code --db FILE}.
 */
final class FsCollections {
    private FsCollections() {
    }

    /** Open readers, in collection order; the caller closes them. */
    static List<ScanReader> open(Context ctx, CommandLine line) {
        List<String> args = line.getArgList();
        if (args.size() > 1) {
            throw new UsageException("give at most one FILESYSTEM (a collection name or all)");
        }
        String wanted = args.isEmpty() ? "all" : args.get(0).toLowerCase(Locale.ROOT);
        String db = ctx.globals().db();
        List<ScanReader> readers = new ArrayList<>();
        if (db != null && ScanStores.isPostgres(db)) {
            DatabaseTarget target = ScanStores.target(db);
            List<String> names = wanted.equals("all") ? ScanReader.postgresCollections(target) : List.of(wanted);
            if (names.isEmpty()) {
                throw new UserException("No scan collections found in " + target.display());
            }
            for (String name : names) {
                readers.add(ScanReader.postgres(target, name));
            }
            return readers;
        }
        if (db != null) {
            Path file = ScanStores.target(db).sqliteFile();
            String name = file.getFileName().toString().replaceFirst("\\.db$", "");
            readers.add(ScanReader.sqlite(file, wanted.equals("all") ? name : wanted));
            return readers;
        }
        Path dataDir;
        if (line.hasOption("data-dir")) {
            dataDir = Path.of(line.getOptionValue("data-dir"));
            if (!Files.isDirectory(dataDir)) {
                throw new UserException("data folder not found: " + dataDir);
            }
        } else {
            dataDir = ScanStores.defaultDataDir(ctx.home());
        }
        List<String> names = wanted.equals("all") ? ScanStores.collections(dataDir) : List.of(wanted);
        if (names.isEmpty()) {
            throw new UserException("No database files found in " + dataDir + " (run hpcusage fs import first)");
        }
        for (String name : names) {
            readers.add(ScanReader.sqlite(ScanStores.file(dataDir, name), name));
        }
        return readers;
    }

    static void closeAll(List<ScanReader> readers) {
        readers.forEach(ScanReader::close);
    }
}
