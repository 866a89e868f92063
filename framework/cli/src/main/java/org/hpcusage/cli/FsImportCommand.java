package org.hpcusage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanImporter;
import org.hpcusage.core.scan.ScanNaming;
import org.hpcusage.core.scan.ScanStores;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.scan.ScanParser;

/** {@code fs import FILE}: one scan file into its collection's store, replacing the previous scan. */
final class FsImportCommand extends LeafCommand {
    /** Rejected lines printed before only counting the rest. */
    private static final int SHOWN_REJECTS = 20;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "Import a scan file (GPFS LIST, lfs find, ...) into its collection's store.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("F", "scan-format", "NAME", "scan format, or auto (default): recognised from the content"))
                .addOption(opt("f", "filesystem", "NAME", "collection name (default: from YYYYMMDD_<server>_<name>.* file names)"))
                .addOption(opt(null, "data-dir", "DIR", "folder of <collection>.db stores (default $HPCUSAGE_HOME/data/fs)"))
                .addOption(opt(null, "time-zone", "ZONE", "zone for epoch-second times, e.g. lfs find's (default: this host's)"))
                .addOption(opt(null, "batch-size", "N", "accepted for compatibility; the import holds directories in memory"))
                .addOption(opt("p", "progress-interval", "N", "accepted for compatibility"))
                .addOption(opt("w", "workers", "N", "accepted for compatibility; one reader, one pass"))
                .addOption(opt(null, "replace", null, "accepted for compatibility: every import replaces the collection"))
                .addOption(opt(null, "echo", null, "accepted for compatibility"));
    }

    @Override
    protected String arguments() {
        return "INPUT_FILE";
    }

    @Override
    protected String examples() {
        return """
                hpcusage fs import 20260111_csfs1_asp.list.list_all.log
                hpcusage fs import scan.log -F gpfs -f asp
                hpcusage fs import 20260204_desc1_gdex.lfs-scan --db /tmp/gdex.db
                hpcusage fs import 20260111_csfs1_asp.list.list_all.log --db 'jdbc:postgresql://dbhost/campaign?user=fs'""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one INPUT_FILE");
        }
        Path file = Path.of(line.getArgList().get(0));
        if (!Files.isRegularFile(file)) {
            throw new UserException("scan file not found: " + file);
        }
        ScanParser parser = parser(ctx, line.getOptionValue("scan-format", "auto"), file);
        String fileName = file.getFileName().toString();
        String collection = line.getOptionValue("filesystem");
        if (collection == null) {
            collection = ScanNaming.collection(fileName);
            if (collection == null) {
                throw new UserException("cannot tell the collection from the file name " + fileName
                        + " (expected YYYYMMDD_<server>_<name>.*); use --filesystem NAME");
            }
        }
        collection = ScanStores.checkName(collection);
        ZoneId zone;
        try {
            zone = line.hasOption("time-zone") ? ZoneId.of(line.getOptionValue("time-zone")) : ZoneId.systemDefault();
        } catch (DateTimeException e) {
            throw new UsageException("--time-zone: unknown zone '" + line.getOptionValue("time-zone") + "'");
        }
        DatabaseTarget target = target(ctx, line, collection);
        long[] shown = {0};
        ScanImporter.Result r = new ScanImporter().importFile(file, parser, collection, target, zone, HostAccounts.system(),
                reject -> {
                    if (shown[0]++ < SHOWN_REJECTS) {
                        ctx.err().println(reject);
                    }
                });
        if (r.rejected() > SHOWN_REJECTS) {
            ctx.err().println("... " + (r.rejected() - SHOWN_REJECTS) + " more rejected lines");
        }
        double total = r.parseSeconds() + r.writeSeconds();
        ctx.out().printf(Locale.ROOT, "Imported %s (%s) into %s%n", fileName, r.format(), r.target().display()
                + (target.dialect() == org.hpcusage.core.store.Dialect.POSTGRESQL ? " schema " + collection : ""));
        ctx.out().printf(Locale.ROOT, "  collection %s: %,d directories, %,d files%n", collection, r.directories(), r.files());
        ctx.out().printf(Locale.ROOT, "  records %,d, rejected %,d, files whose directory is not in the scan %,d%s%n",
                r.lines(), r.rejected(), r.orphanFiles(),
                r.duplicateDirectories() > 0 ? ", repeated directory lines " + r.duplicateDirectories() : "");
        ctx.out().printf(Locale.ROOT, "  %.2f s (read %.2f s, write %.2f s), %,.0f lines/s%n", total, r.parseSeconds(),
                r.writeSeconds(), total > 0 ? r.lines() / total : 0.0);
        return 0;
    }

    static DatabaseTarget target(Context ctx, CommandLine line, String collection) {
        String db = ctx.globals().db();
        if (db != null) {
            return ScanStores.target(db);
        }
        Path dataDir = line.hasOption("data-dir") ? Path.of(line.getOptionValue("data-dir"))
                : ScanStores.defaultDataDir(ctx.home());
        return DatabaseTarget.sqlite(ScanStores.file(dataDir, collection).toAbsolutePath());
    }

    /** The named parser, or the one that recognises the file's head; a one-line usage error otherwise. */
    static ScanParser parser(Context ctx, String name, Path file) throws java.io.IOException {
        Map<String, ScanParser> parsers = ctx.extensions().scanParsers().all();
        String known = parsers.isEmpty() ? "none installed" : String.join(", ", parsers.keySet());
        if (!name.equalsIgnoreCase("auto")) {
            ScanParser parser = parsers.get(name.toLowerCase(Locale.ROOT));
            if (parser == null) {
                throw new UsageException("unknown scan format '" + name + "' (available: " + known + ")");
            }
            return parser;
        }
        byte[] head = ScanImporter.head(file);
        for (ScanParser parser : parsers.values()) {
            if (parser.recognizes(head)) {
                return parser;
            }
        }
        throw new UsageException("cannot tell the scan format of " + file.getFileName() + " (available: " + known
                + "); give -F FORMAT");
    }
}
