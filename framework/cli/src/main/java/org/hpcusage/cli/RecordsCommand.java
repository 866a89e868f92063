package org.hpcusage.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.ingest.RecordArchive;

/** {@code jobs records}: print jobs' original accounting records. */
final class RecordsCommand extends LeafCommand {
    @Override
    public String name() {
        return "records";
    }

    @Override
    public String summary() {
        return "Print the original accounting records of jobs, as the scheduler wrote them.";
    }

    @Override
    protected Options options() {
        return new Options().addOption(opt("m", "machine", "NAME", "machine (default: the first one defined)"));
    }

    @Override
    protected String arguments() {
        return "JOBID...";
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs records -m derecho 4779496.desched1
                hpcusage jobs records -m derecho 6049117        (the job, every array element and the parent)
                hpcusage jobs records -m derecho '6049117[28]'""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) {
        List<String> ids = line.getArgList();
        if (ids.isEmpty()) {
            throw new UsageException("give at least one job id");
        }
        String machine = line.getOptionValue("machine");
        if (machine == null) {
            machine = ctx.machines().defaultName();
        } else {
            ctx.reportMachine(machine);
        }
        RecordArchive archive = new RecordArchive(ctx.store().jobs());
        int missing = 0;
        for (String id : ids) {
            List<String> records = archive.find(machine, id);
            if (records.isEmpty()) {
                ctx.err().println("hpcusage: no stored record for job " + id + " on " + machine);
                missing++;
            }
            records.forEach(ctx.out()::println);
        }
        return missing == ids.size() ? 1 : 0;
    }
}
