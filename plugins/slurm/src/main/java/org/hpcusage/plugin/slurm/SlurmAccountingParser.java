package org.hpcusage.plugin.slurm;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.AccountingParser;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;
import org.pf4j.Extension;

/**
 * Reads {@code sacct --parsable2} output ({@code |}-separated; a trailing {@code |} from
 * {@code --parsable} is accepted), with a header line naming the fields in any order, or without
 * one, in the reference's 13-field order (slurm-scoreboard.md §1.1). Values are normalised as the
 * reference does (§2), with its defects fixed (docs/differences.md, "Slurm").
 *
 * <p>A job row is followed by its step rows ({@code 123.batch}, {@code 123.0}); the parser holds
 * one job at a time, folds its steps' MaxRSS into it (the job row's own MaxRSS is usually empty)
 * and keeps job and step lines together as the raw record. Jobs that have not ended (pending,
 * running, ...) are left out: they are not finished jobs yet, and arrive once they are. Jobs
 * cancelled or failed before they started are kept with zero elapsed time.
 *
 * <p>Parameter {@code time-zone}: the zone sacct printed its times in (default UTC, which is what
 * the sacct source asks sacct for).
 */
@Extension
public final class SlurmAccountingParser implements AccountingParser {
    static final String TIME_ZONE = "time-zone";
    static final String DEFAULT_RULE = SlurmTresChargingRuleFactory.NAME;

    /** Ended states that must carry an End time. */
    private static final Set<String> ENDED_STATES = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT",
            "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "REVOKED");

    @Override
    public String scheduler() {
        return "slurm";
    }

    @Override
    public boolean isFailure(String status) {
        return SlurmValues.isFailure(status);
    }

    @Override
    public String defaultChargingRule() {
        return DEFAULT_RULE;
    }

    @Override
    public void parse(AccountingInput input, JobSink sink) throws IOException {
        new Reading(zone(input.settings()), sink).run(input);
    }

    static ZoneId zone(Settings settings) {
        String z = settings == null ? "UTC" : settings.string(TIME_ZONE, "UTC");
        try {
            ZoneId id = ZoneId.of(z);
            return id.normalized().equals(ZoneOffset.UTC) ? ZoneOffset.UTC : id;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("slurm parser: unknown time-zone '" + z + "'");
        }
    }

    /** The state of one parse: the layout in force and the job whose steps may follow. */
    private static final class Reading {
        private final ZoneId zone;
        private final JobSink sink;
        private final List<String> fields = new ArrayList<>(16);
        private SacctLayout layout = SacctLayout.reference();
        private long lineNumber;
        private Pending pending;
        /** The last job row's id, also when it was left out, so its steps are skipped quietly. */
        private String lastJobId;

        Reading(ZoneId zone, JobSink sink) {
            this.zone = zone;
            this.sink = sink;
        }

        void run(AccountingInput input) throws IOException {
            String line;
            while ((line = input.reader().readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                row(line);
            }
            flush();
        }

        private void row(String line) {
            split(line);
            if (SacctLayout.isHeader(fields)) {
                flush();
                lastJobId = null;
                SacctLayout l = SacctLayout.fromHeader(fields);
                String missing = l.missingRequired();
                if (missing.isEmpty()) {
                    layout = l;
                } else {
                    layout = null;
                    sink.reject(lineNumber, "header lacks required field(s) " + missing);
                }
                return;
            }
            if (layout == null) {
                flush();
                sink.reject(lineNumber, "no usable header before this row");
                return;
            }
            int n = fields.size();
            if (n == layout.width + 1 && fields.get(n - 1).isEmpty()) {
                fields.remove(n - 1); // --parsable ends every row with the delimiter
            } else if (n != layout.width) {
                flush();
                sink.reject(lineNumber, n + " '|'-separated fields, expected " + layout.width);
                return;
            }
            String jobId = fields.get(layout.jobId).strip();
            if (jobId.isEmpty()) {
                flush();
                sink.reject(lineNumber, "empty JobID");
                return;
            }
            int dot = jobId.indexOf('.');
            if (dot >= 0) {
                step(jobId.substring(0, dot), line);
            } else {
                flush();
                lastJobId = jobId;
                job(jobId, line);
            }
        }

        private void step(String parentId, String line) {
            if (pending != null && pending.jobId.equals(parentId)) {
                pending.raw.append('\n').append(line);
                pending.fold(text(layout.maxRss));
            } else if (!parentId.equals(lastJobId)) {
                sink.reject(lineNumber, "step row without its job row");
            }
        }

        private void job(String jobId, String line) {
            String user = SlurmValues.user(text(layout.user));
            if (user.isEmpty()) {
                sink.reject(lineNumber, "empty User");
                return;
            }
            String state = text(layout.state).strip();
            String base = SlurmValues.baseState(state);
            if (SlurmValues.UNFINISHED_STATES.contains(base)) {
                return; // not ended yet: stored once it has
            }
            String endText = text(layout.end);
            Instant end;
            if (SlurmValues.isNoTime(endText)) {
                if (ENDED_STATES.contains(base)) {
                    sink.reject(lineNumber, "state " + base + " but no End time");
                }
                return; // no state and no end: nothing says it has ended
            }
            end = SlurmValues.timestamp(endText, zone);
            if (end == null) {
                sink.reject(lineNumber, "bad End time '" + endText.strip() + "'");
                return;
            }
            Instant start = time(layout.start);
            Instant submit = time(layout.submit);
            if (start == BAD || submit == BAD) {
                sink.reject(lineNumber, "bad " + (start == BAD ? "Start" : "Submit") + " time");
                return;
            }
            Instant eligible = time(layout.eligible);
            int cpus = SlurmValues.count(text(layout.allocCpus));
            int nodes = SlurmValues.count(text(layout.nodes));
            String tres = text(layout.allocTres).strip();
            JobRecord.Builder b = JobRecord.builder(jobId)
                    .shortId(numericId(jobId))
                    .user(user)
                    .status(state.isEmpty() ? null : state)
                    .submit(submit).start(start).end(end)
                    .eligible(eligible == BAD ? null : eligible)
                    .elapsed(neverStarted() ? 0L : elapsedSeconds())
                    .numcpus(cpus).numnodes(nodes).numgpus(TresList.gpus(tres))
                    .gputype(TresList.gpuType(tres))
                    .resources(tres.isEmpty() ? null : tres)
                    .reqmem(bytes(SlurmValues.requestedMemoryMb(text(layout.reqMem), cpus, nodes)))
                    .account(optional(layout.account))
                    .queue(optional(layout.partition))
                    .priority(optional(layout.qos))
                    .name(optional(layout.jobName));
            long limit = SlurmValues.duration(text(layout.timelimit));
            if (limit >= 0) {
                b.walltime(limit);
            }
            pending = new Pending(jobId, b, line);
            pending.fold(text(layout.maxRss));
        }

        /** Start says Unknown/None: cancelled or failed before it ran, so it used no time. */
        private boolean neverStarted() {
            return layout.start >= 0 && !text(layout.start).isBlank() && SlurmValues.isNoTime(text(layout.start));
        }

        /** ElapsedRaw when the dump has it and it is a number, else Elapsed, else 0 (§2.2). */
        private long elapsedSeconds() {
            long raw = SlurmValues.rawSeconds(text(layout.elapsedRaw));
            if (raw >= 0) {
                return raw;
            }
            long d = SlurmValues.duration(text(layout.elapsed));
            return Math.max(d, 0);
        }

        private void flush() {
            if (pending != null) {
                sink.accept(pending.build());
                pending = null;
            }
        }

        private static final Instant BAD = Instant.MIN;

        /** A time field: null when absent or "Unknown"/"None", {@link #BAD} when unreadable. */
        private Instant time(int index) {
            String v = text(index);
            if (SlurmValues.isNoTime(v)) {
                return null;
            }
            Instant t = SlurmValues.timestamp(v, zone);
            return t == null ? BAD : t;
        }

        private String text(int index) {
            return index < 0 ? "" : fields.get(index);
        }

        private String optional(int index) {
            String v = text(index).strip();
            return v.isEmpty() ? null : v;
        }

        private void split(String line) {
            fields.clear();
            int from = 0;
            int bar;
            while ((bar = line.indexOf('|', from)) >= 0) {
                fields.add(line.substring(from, bar));
                from = bar + 1;
            }
            fields.add(line.substring(from));
        }
    }

    /** A job row waiting for its step rows. */
    private static final class Pending {
        final String jobId;
        final JobRecord.Builder builder;
        final StringBuilder raw;
        double maxRssMb;
        boolean sawRss;

        Pending(String jobId, JobRecord.Builder builder, String line) {
            this.jobId = jobId;
            this.builder = builder;
            this.raw = new StringBuilder(line);
        }

        /**
         * The job's peak memory is the largest MaxRSS of the job row and its steps. (AveRSS has
         * no place in {@link JobRecord}; it stays readable in the raw record.)
         */
        void fold(String maxRss) {
            if (!maxRss.isBlank()) {
                sawRss = true;
                maxRssMb = Math.max(maxRssMb, SlurmValues.memoryMb(maxRss));
            }
        }

        JobRecord build() {
            if (sawRss) {
                builder.memory(bytes(maxRssMb));
            }
            return builder.rawRecord(raw.toString()).build();
        }
    }

    static Long numericId(String jobId) {
        if (jobId.length() > 18) {
            return null;
        }
        for (int i = 0; i < jobId.length(); i++) {
            char c = jobId.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(jobId);
    }

    /** MB (10^6 bytes) to bytes. */
    static long bytes(double mb) {
        return Math.round(mb * 1e6);
    }
}
