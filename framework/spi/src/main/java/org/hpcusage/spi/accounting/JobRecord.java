package org.hpcusage.spi.accounting;

import java.time.Instant;

/**
 * A finished job, normalised from any scheduler. Every field but {@code jobId} may be null when
 * the accounting record does not carry it. Durations are whole seconds, memory is bytes, counts
 * are what the job requested.
 *
 * @param jobId        the scheduler's job id, verbatim ("4779496.desched1", "6049117[28].desched1")
 * @param shortId      the numeric part of a scalar job id; null for array ids
 * @param name         job name
 * @param user         user name
 * @param account      account (project) name
 * @param queue        execution queue or partition
 * @param priority     the scheduler's priority or QoS request, verbatim
 * @param status       exit status as text
 * @param submit       submission time (with jobId, the job's identity: ids wrap around)
 * @param queued       time the job entered its current queue
 * @param eligible     time the job became eligible to run
 * @param start        start time
 * @param end          end time (decides which day the job belongs to)
 * @param elapsed      wall-clock seconds used
 * @param walltime     wall-clock seconds requested
 * @param eligibleSecs seconds the job spent eligible but waiting
 * @param runCount     number of times the job was started
 * @param numcpus      CPUs requested
 * @param numgpus      GPUs requested
 * @param numnodes     nodes requested
 * @param mpiprocs     MPI ranks per node
 * @param ompthreads   OpenMP threads per rank
 * @param reqmem       memory requested, bytes
 * @param memory       memory used (peak resident), bytes
 * @param vmemory      virtual memory used, bytes
 * @param cputype      CPU type requested or inferred
 * @param gputype      GPU type requested or inferred
 * @param resources    the resource request, verbatim (e.g. a PBS select string)
 * @param rawRecord    the original accounting text of this job, kept losslessly
 * @since 0.1
 */
public record JobRecord(
        String jobId, Long shortId, String name, String user, String account, String queue,
        String priority, String status,
        Instant submit, Instant queued, Instant eligible, Instant start, Instant end,
        Long elapsed, Long walltime, Long eligibleSecs, Integer runCount,
        Integer numcpus, Integer numgpus, Integer numnodes, Integer mpiprocs, Integer ompthreads,
        Long reqmem, Long memory, Long vmemory,
        String cputype, String gputype, String resources,
        String rawRecord) {

    public JobRecord {
        if (jobId == null || jobId.isEmpty()) {
            throw new IllegalArgumentException("job id is required");
        }
    }

    public static Builder builder(String jobId) {
        return new Builder(jobId);
    }

    public Builder toBuilder() {
        Builder b = new Builder(jobId);
        b.shortId = shortId; b.name = name; b.user = user; b.account = account; b.queue = queue;
        b.priority = priority; b.status = status; b.submit = submit; b.queued = queued;
        b.eligible = eligible; b.start = start; b.end = end; b.elapsed = elapsed;
        b.walltime = walltime; b.eligibleSecs = eligibleSecs; b.runCount = runCount;
        b.numcpus = numcpus; b.numgpus = numgpus; b.numnodes = numnodes; b.mpiprocs = mpiprocs;
        b.ompthreads = ompthreads; b.reqmem = reqmem; b.memory = memory; b.vmemory = vmemory;
        b.cputype = cputype; b.gputype = gputype; b.resources = resources; b.rawRecord = rawRecord;
        return b;
    }

    /** Mutable builder: parsers fill what they find, then {@link #build()}. */
    public static final class Builder {
        private final String jobId;
        private Long shortId;
        private String name, user, account, queue, priority, status;
        private Instant submit, queued, eligible, start, end;
        private Long elapsed, walltime, eligibleSecs;
        private Integer runCount, numcpus, numgpus, numnodes, mpiprocs, ompthreads;
        private Long reqmem, memory, vmemory;
        private String cputype, gputype, resources, rawRecord;

        private Builder(String jobId) {
            this.jobId = jobId;
        }

        public Builder shortId(Long v) { shortId = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder account(String v) { account = v; return this; }
        public Builder queue(String v) { queue = v; return this; }
        public Builder priority(String v) { priority = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder submit(Instant v) { submit = v; return this; }
        public Builder queued(Instant v) { queued = v; return this; }
        public Builder eligible(Instant v) { eligible = v; return this; }
        public Builder start(Instant v) { start = v; return this; }
        public Builder end(Instant v) { end = v; return this; }
        public Builder elapsed(Long v) { elapsed = v; return this; }
        public Builder walltime(Long v) { walltime = v; return this; }
        public Builder eligibleSecs(Long v) { eligibleSecs = v; return this; }
        public Builder runCount(Integer v) { runCount = v; return this; }
        public Builder numcpus(Integer v) { numcpus = v; return this; }
        public Builder numgpus(Integer v) { numgpus = v; return this; }
        public Builder numnodes(Integer v) { numnodes = v; return this; }
        public Builder mpiprocs(Integer v) { mpiprocs = v; return this; }
        public Builder ompthreads(Integer v) { ompthreads = v; return this; }
        public Builder reqmem(Long v) { reqmem = v; return this; }
        public Builder memory(Long v) { memory = v; return this; }
        public Builder vmemory(Long v) { vmemory = v; return this; }
        public Builder cputype(String v) { cputype = v; return this; }
        public Builder gputype(String v) { gputype = v; return this; }
        public Builder resources(String v) { resources = v; return this; }
        public Builder rawRecord(String v) { rawRecord = v; return this; }

        public JobRecord build() {
            return new JobRecord(jobId, shortId, name, user, account, queue, priority, status,
                    submit, queued, eligible, start, end, elapsed, walltime, eligibleSecs, runCount,
                    numcpus, numgpus, numnodes, mpiprocs, ompthreads, reqmem, memory, vmemory,
                    cputype, gputype, resources, rawRecord);
        }
    }
}
