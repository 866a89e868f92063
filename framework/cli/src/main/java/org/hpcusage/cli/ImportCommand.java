package org.hpcusage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;

/**
 * {@code jobs import}: saved accounting files of any scheduler (a sacct dump, a PBS day file)
 * into the same store as {@code jobs sync}, one transaction per file.
 */
final class ImportCommand extends LeafCommand {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "Import saved accounting files (sacct dumps, PBS day files) into the store, one transaction per file; "
                + "jobs already stored are skipped.";
    }

    @Override
    protected String arguments() {
        return "FILE...";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine the files belong to (required); one the site file does not "
                        + "know is read in UTC and charged with the scheduler's default rule"))
                .addOption(opt(null, "scheduler", "NAME", "format of the files: slurm, pbs, ... (default: the machine's scheduler)"))
                .addOption(opt(null, "upsert", null, "also update every field of jobs already stored"))
                .addOption(opt(null, "no-summary", null, "do not rebuild the daily summaries of the days the files touch"))
                .addOption(opt(null, "batch-size", "N", "jobs per write batch (default 1000)"))
                .addOption(opt("v", "verbose", null, "a line per file"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs import -m hammer --scheduler slurm sacct-2025-07.txt sacct-2025-08.txt
                sacct -a -P -S 2025-07-01 -E 2025-08-01 -o JobID,User,State,ElapsedRaw,AllocCPUS,NNodes,ReqMem,MaxRSS,AveRSS,AllocTRES,Submit,Start,End > jul.txt && hpcusage jobs import -m hammer --scheduler slurm jul.txt
                hpcusage jobs import -m casper --scheduler pbs /ssg/pbs/casper/accounting/20260101""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) {
        String machineName = line.getOptionValue("machine");
        if (machineName == null) {
            throw new UsageException("-m/--machine is required");
        }
        List<String> files = line.getArgList();
        if (files.isEmpty()) {
            throw new UsageException("give at least one FILE to import");
        }
        Machine machine = ctx.machines().resolveForImport(machineName, line.getOptionValue("scheduler"));
        SyncOptions options = new SyncOptions(line.hasOption("upsert") ? SyncMode.UPSERT : SyncMode.PLAIN, null, false,
                !line.hasOption("no-summary"), intValue(line, "batch-size", 1000, 1), ctx.site().recordCodec());
        boolean verbose = line.hasOption("verbose");
        // As sync does: the first 20 malformed lines of a file are shown, then a count.
        Map<String, Integer> rejects = new LinkedHashMap<>();
        SyncEngine engine = new SyncEngine(ctx.store().jobs(), machine, options, new SyncListener() {
            @Override
            public void rejected(String source, long lineNumber, String reason) {
                if (rejects.merge(source, 1, Integer::sum) <= 20) {
                    ctx.err().println(source + ":" + lineNumber + ": " + reason);
                }
            }
        });
        long fetched = 0, inserted = 0, updated = 0, duplicates = 0, errors = 0, days = 0, skipped = 0;
        List<String> unreadable = new ArrayList<>();
        for (String f : files) {
            SyncEngine.FileResult r = engine.importFile(Path.of(f));
            if (r.errors() > 0 && r.errors() == r.fetched()) {
                unreadable.add(f);
            }
            fetched += r.fetched();
            inserted += r.inserted();
            updated += r.updated();
            duplicates += r.duplicates();
            errors += r.errors();
            days += r.daysSummarized();
            int shown = rejects.getOrDefault(Path.of(f).toString(), 0);
            if (shown > 20) {
                ctx.err().println(f + ": " + (shown - 20) + " more malformed lines not shown");
            }
            if (r.skipped()) {
                skipped++;
                if (verbose) {
                    ctx.err().println("  Skipping " + f + "... (already imported)");
                }
            } else if (verbose) {
                ctx.err().println("  Imported " + f + " - " + r.fetched() + " jobs, " + r.inserted() + " new"
                        + (r.updated() > 0 ? ", " + r.updated() + " updated" : "")
                        + (r.errors() > 0 ? ", " + r.errors() + " malformed" : ""));
            }
        }
        var out = ctx.out();
        out.println("Import complete for " + machine.name() + " (" + machine.parser().scheduler() + ", "
                + files.size() + (files.size() == 1 ? " file" : " files") + "):");
        out.printf("  Fetched:  %,d%n", fetched);
        out.printf("  Inserted: %,d%n", inserted);
        out.printf("  Updated:  %,d%n", updated);
        out.printf("  Skipped:  %,d (duplicates)%n", duplicates);
        out.printf("  Errors:   %,d%n", errors);
        if (skipped > 0) {
            out.printf("  Files skipped: %,d (already imported; --upsert reads them again)%n", skipped);
        }
        if (days > 0) {
            out.printf("  Days summarized: %,d%n", days);
        }
        // A file of which not one record could be read is a wrong file or format: say so in the
        // exit code, so a script does not take it for an empty day.
        for (String f : unreadable) {
            ctx.err().println("hpcusage: " + f + ": no record could be read (is --scheduler right?)");
        }
        return unreadable.isEmpty() ? 0 : 1;
    }
}
