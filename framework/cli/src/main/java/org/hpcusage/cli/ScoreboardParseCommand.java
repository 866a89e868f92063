package org.hpcusage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;

/**
 * {@code scoreboard parse} (slurm-scoreboard.md §2, §7.6, a debug command): sacct
 * {@code --parsable2} output read by the slurm plugin's parser, one JSON object per job with the
 * reference's normalised-record keys, sorted. Rows the parser rejects are listed on stderr.
 * Exit 1 when no job was parsed.
 */
final class ScoreboardParseCommand extends LeafCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_REJECTS = 20;

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public String summary() {
        return "Parse sacct --parsable2 output (with or without a header line) and print one JSON object per job.";
    }

    @Override
    protected String arguments() {
        return "[FILE|-]";
    }

    @Override
    protected Options options() {
        return new Options().addOption(ScoreboardSupport.stdinOption());
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard parse sacct-2025-08.txt\n"
                + "slurm-sb sacct -m hammer --since 2025-08-01 --until 2025-09-01 | slurm-sb parse -";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws IOException {
        Path file = ScoreboardSupport.input(line);
        AccountingParser parser = ctx.extensions().parsers().get("slurm");
        String name = file == null ? "stdin" : file.toString();
        Sink sink = new Sink(ctx, parser, name);
        try (BufferedReader in = reader(file)) {
            parser.parse(new AccountingInput("", name, in, Settings.empty()), sink);
        }
        ctx.out().flush();
        if (sink.rejected > SHOWN_REJECTS) {
            ctx.err().println(name + ": " + (sink.rejected - SHOWN_REJECTS) + " more malformed lines not shown");
        }
        if (sink.parsed == 0) {
            ctx.err().println("hpcusage: no jobs parsed from " + name);
            return 1;
        }
        return 0;
    }

    /** UTF-8 with malformed bytes replaced, as parsers are given their input. */
    static BufferedReader reader(Path file) throws IOException {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserException((Files.exists(file) ? "not a file: " : "file not found: ") + file);
        }
        InputStream in = file == null ? System.in : Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
    }

    /**
     * The reference's normalised record (§2.8) of one job, from what the parser stored. Its
     * {@code avg_mem_mb} has no field in a job record and is left out.
     */
    static Map<String, Object> record(JobRecord j, AccountingParser parser) {
        double seconds = j.elapsed() == null ? 0 : j.elapsed();
        int cpus = j.numcpus() == null ? 0 : j.numcpus();
        int gpus = j.numgpus() == null ? 0 : j.numgpus();
        Map<String, Object> r = new TreeMap<>();
        r.put("job_id", j.jobId());
        r.put("user", j.user());
        r.put("state", j.status() == null ? "" : j.status());
        r.put("end_ts", j.end() == null ? 0 : j.end().getEpochSecond());
        r.put("elapsed_hours", seconds / 3600);
        r.put("clock_hours", cpus * seconds / 3600);
        r.put("gpu_count", gpus);
        r.put("gpu_elapsed_hours", gpus > 0 ? seconds / 3600 : 0.0);
        r.put("gpu_clock_hours", gpus * seconds / 3600);
        r.put("req_mem_mb", j.reqmem() == null ? 0.0 : j.reqmem() / 1e6);
        r.put("max_mem_mb", j.memory() == null ? 0.0 : j.memory() / 1e6);
        r.put("failed", parser.isFailure(j.status()));
        return r;
    }

    /** Prints each job as it comes; lists the first rejects. */
    private static final class Sink implements JobSink {
        private final Context ctx;
        private final AccountingParser parser;
        private final String name;
        long parsed;
        long rejected;

        Sink(Context ctx, AccountingParser parser, String name) {
            this.ctx = ctx;
            this.parser = parser;
            this.name = name;
        }

        @Override
        public void accept(JobRecord job) {
            try {
                ctx.out().println(JSON.writeValueAsString(record(job, parser)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            parsed++;
        }

        @Override
        public void reject(long line, String reason) {
            if (++rejected <= SHOWN_REJECTS) {
                ctx.err().println(name + ":" + line + ": " + reason);
            }
        }
    }
}
