package org.hpcusage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scan.ScanConsolidator;
import org.hpcusage.core.scan.ScanStores;
import org.hpcusage.core.store.DatabaseTarget;

/** {@code fs consolidate}: load per-collection SQLite stores into PostgreSQL with COPY, one schema each. */
final class FsConsolidateCommand extends LeafCommand {
    @Override
    public String name() {
        return "consolidate";
    }

    @Override
    public String summary() {
        return "Load collections' SQLite stores into PostgreSQL (COPY, then swap the schema in).";
    }

    @Override
    protected String arguments() {
        return "[FILESYSTEM...]";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "all", null, "every *.db in the data folder"))
                .addOption(opt(null, "data-dir", "DIR", "folder of <collection>.db stores (default $HPCUSAGE_HOME/data/fs)"))
                .addOption(opt(null, "source", "FILE", "one SQLite store to load (with exactly one FILESYSTEM)"))
                .addOption(opt(null, "no-swap", null, "load into <collection>_staging only"))
                .addOption(opt(null, "keep-old", null, "keep <collection>_old after the swap"))
                .addOption(opt(null, "no-fk", null, "accepted for compatibility (the keys are part of the schema)"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage fs consolidate --all --db 'jdbc:postgresql://dbhost/campaign?user=fs'
                hpcusage fs consolidate asp cisl --db jdbc:postgresql://127.0.0.1/campaign?user=postgres
                hpcusage fs consolidate asp --source /scratch/asp.db --db jdbc:postgresql://dbhost/campaign""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String db = ctx.globals().db();
        if (db == null || !ScanStores.isPostgres(db)) {
            throw new UsageException("consolidate loads into PostgreSQL: give --db jdbc:postgresql://...");
        }
        DatabaseTarget target = ScanStores.target(db);
        Path dataDir = line.hasOption("data-dir") ? Path.of(line.getOptionValue("data-dir")) : ScanStores.defaultDataDir(ctx.home());
        List<String> names = new ArrayList<>(line.getArgList());
        if (line.hasOption("all")) {
            names.addAll(ScanStores.collections(dataDir));
        }
        if (line.hasOption("source") && names.size() != 1) {
            throw new UsageException("--source needs exactly one FILESYSTEM");
        }
        if (names.isEmpty()) {
            throw new UsageException("name the collections to load, or give --all");
        }
        List<String> failed = new ArrayList<>();
        for (String name : names) {
            String collection = ScanStores.checkName(name);
            Path source = line.hasOption("source") ? Path.of(line.getOptionValue("source")) : ScanStores.file(dataDir, collection);
            ctx.out().println("Consolidating " + collection + " (" + source + ")");
            try {
                ScanConsolidator.Result r = new ScanConsolidator().consolidate(source, collection, target,
                        !line.hasOption("no-swap"), line.hasOption("keep-old"));
                long total = 0;
                for (var e : r.rows().entrySet()) {
                    ctx.out().printf(Locale.ROOT, "  copied %,d rows -> %s%n", e.getValue(), e.getKey());
                    total += e.getValue();
                }
                ctx.out().printf(Locale.ROOT, "  done %s: %,d rows in %.2f s%n", collection, total, r.seconds());
            } catch (Exception e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                ctx.out().println("FAILED " + collection + ": " + message);
                failed.add(collection);
            }
        }
        if (failed.isEmpty()) {
            ctx.out().println("All collections consolidated.");
            return 0;
        }
        ctx.out().println("Failed collections: " + String.join(", ", failed));
        return 1;
    }

}
