package org.hpcusage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanImporter;
import org.hpcusage.core.scan.ScanStores;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.scan.EntrySink;
import org.hpcusage.spi.scan.FileEntry;
import org.hpcusage.spi.scan.ScanParser;
import org.hpcusage.spi.scan.ScanSource;

/** {@code fs scan PATH}: walk a live tree in parallel and import it, or write it as a scan file. */
final class FsScanCommand extends LeafCommand {
    @Override
    public String name() {
        return "scan";
    }

    @Override
    public String summary() {
        return "Walk a directory tree in parallel and import it directly (or write a scan file).";
    }

    @Override
    protected String arguments() {
        return "PATH";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "source", "NAME", "walker: find (GNU find, exact allocated blocks; the default when"
                        + " it is on the PATH) or posix (Java, sizes rounded to 4 KiB)"))
                .addOption(opt("w", "workers", "N", "find processes (default: the number of cores) or posix walker threads"
                        + " (default 8); more for a parallel file system, where listing waits on the servers"))
                .addOption(opt("f", "filesystem", "NAME", "collection name (default: the last component of PATH)"))
                .addOption(opt(null, "data-dir", "DIR", "folder of <collection>.db stores (default $HPCUSAGE_HOME/data/fs)"))
                .addOption(opt(null, "time-zone", "ZONE", "zone of the stored naive times (default: this host's)"))
                .addOption(opt("o", "output", "FILE", "write a scan file (posix layout) instead of importing"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage fs scan /glade/work/projectX
                hpcusage fs scan /data -w 16 -f data --db /tmp/data.db
                hpcusage fs scan /scratch/me -w 1 --source posix
                hpcusage fs scan /data -o 20260115_host_data.posix.scan""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one PATH");
        }
        Path root = Path.of(line.getArgList().get(0)).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UserException("not a directory: " + root);
        }
        ScanSource source = ctx.extensions().scanSources().get(line.getOptionValue("source", defaultSource(ctx)));
        // find runs in C and keeps a core busy; the Java walker's threads mostly wait on lstat
        int threads = intValue(line, "workers", source.name().equals("find") ? Runtime.getRuntime().availableProcessors() : 8, 1);
        ZoneId zone;
        try {
            zone = line.hasOption("time-zone") ? ZoneId.of(line.getOptionValue("time-zone")) : ZoneId.systemDefault();
        } catch (DateTimeException e) {
            throw new UsageException("--time-zone: unknown zone '" + line.getOptionValue("time-zone") + "'");
        }
        LocalDate today = LocalDate.now(zone);
        if (line.hasOption("output")) {
            ScanParser writer = ctx.extensions().scanParsers().get("posix");
            Path out = Path.of(line.getOptionValue("output"));
            long[] n = {0};
            long t0 = System.nanoTime();
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
                w.write("# hpcusage fs scan of " + root + "\n");
                source.scan(root, threads, zone, new EntrySink() {
                    public void accept(FileEntry e) {
                        try {
                            writer.write(e, w);
                            n[0]++;
                        } catch (IOException x) {
                            throw new UncheckedIOException(x);
                        }
                    }

                    public void reject(long lineNo, String reason) {
                        ctx.err().println(root + ": " + reason);
                    }
                });
            }
            double s = (System.nanoTime() - t0) / 1e9;
            ctx.out().printf(Locale.ROOT, "Wrote %,d entries of %s (walker %s) to %s in %.2f s (%,.0f entries/s)%n", n[0], root,
                    source.name(), out, s, n[0] / s);
            return 0;
        }
        String collection = ScanStores.checkName(line.getOptionValue("filesystem",
                root.getFileName() == null ? "root" : root.getFileName().toString()));
        DatabaseTarget target = FsImportCommand.target(ctx, line, collection);
        String sourceName = today.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + source.name() + "_" + collection + ".walk";
        ScanImporter.Result r = new ScanImporter().importEntries(sourceName, today, source.name(),
                sink -> source.scan(root, threads, zone, sink), collection, target, HostAccounts.system(), ctx.err()::println);
        double total = r.parseSeconds() + r.writeSeconds();
        ctx.out().printf(Locale.ROOT, "Scanned %s (walker %s) into %s%n", root, source.name(), r.target().display());
        ctx.out().printf(Locale.ROOT, "  collection %s: %,d directories, %,d files, %,d unreadable%n", collection,
                r.directories(), r.files(), r.rejected());
        ctx.out().printf(Locale.ROOT, "  %.2f s (walk %.2f s, write %.2f s), %,.0f entries/s%n", total, r.parseSeconds(),
                r.writeSeconds(), total > 0 ? r.entries() / total : 0.0);
        return 0;
    }

    /** GNU find when it is on the PATH and the find source is installed, else the Java walker. */
    static String defaultSource(Context ctx) {
        if (!ctx.extensions().scanSources().has("find")) {
            return "posix";
        }
        try {
            Process p = new ProcessBuilder("find", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("GNU findutils") ? "find" : "posix";
        } catch (IOException e) {
            return "posix";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "posix";
        }
    }
}
