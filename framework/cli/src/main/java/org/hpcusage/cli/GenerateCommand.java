package org.hpcusage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;

/** {@code jobs generate}: write realistic synthetic day files in a machine's own format. */
final class GenerateCommand extends LeafCommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "Write realistic synthetic accounting day files (for examples, tests and benchmarks).";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine whose format and settings to use (default: the first one)"))
                .addOption(opt("o", "out", "DIR", "directory to write into (created if missing)"))
                .addOption(opt(null, "start", "YYYY-MM-DD", "first day (default 2026-01-01)"))
                .addOption(opt(null, "days", "N", "number of days (default 1)"))
                .addOption(opt(null, "jobs", "N", "finished jobs per day (default 30000)"))
                .addOption(opt(null, "seed", "N", "random seed (default 1)"));
    }

    @Override
    protected String examples() {
        return "hpcusage jobs generate -m derecho --days 3 --jobs 300 -o examples/pbs/derecho";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws IOException {
        if (!line.hasOption("out")) {
            throw new UsageException("--out DIR is required");
        }
        String name = line.getOptionValue("machine");
        Machine machine = ctx.machines().resolve(name == null ? ctx.machines().defaultName() : name);
        LocalDate start = line.hasOption("start") ? Dates.option(line, "start") : LocalDate.of(2026, 1, 1);
        int days = intValue(line, "days", 1, 1);
        int jobs = intValue(line, "jobs", 30_000, 0);
        int seed = intValue(line, "seed", 1, Integer.MIN_VALUE);
        Path out = Path.of(line.getOptionValue("out"));
        long t0 = System.nanoTime();
        write(ctx, machine, out, start, days, jobs, seed);
        ctx.err().printf("Wrote %d day files of %d jobs each to %s in %.2f s%n", days, jobs, out,
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** Writes {@code days} day files; shared with the benchmark. */
    static void write(Context ctx, Machine machine, Path out, LocalDate start, int days, int jobs, long seed)
            throws IOException {
        AccountingGenerator generator = ctx.extensions().generators().get(machine.parser().scheduler());
        Files.createDirectories(out);
        Settings settings = machine.definition().parser()
                .overriddenBy(Settings.of(java.util.Map.of("time-zone", machine.zone().getId())));
        for (int i = 0; i < days; i++) {
            LocalDate day = start.plusDays(i);
            Path file = out.resolve(machine.parser().dayFileName(day));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                generator.writeUnit(machine.name(), day, jobs, seed * 1_000_003L + day.toEpochDay(), settings, w);
            }
        }
    }
}
