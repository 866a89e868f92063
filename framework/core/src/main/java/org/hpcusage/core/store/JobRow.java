package org.hpcusage.core.store;

import java.time.Instant;
import org.hpcusage.spi.accounting.JobRecord;

/** A stored job read back with its lookup names, e.g. to recompute its charge. */
public class JobRow {
    private long id;
    private String jobId;
    private Long shortId;
    private String name, priority, status, username, accountName, queueName;
    private Long submit, queued, eligible, start, end, elapsed, walltime, eligibleSecs;
    private Integer runCount, numcpus, numgpus, numnodes, mpiprocs, ompthreads;
    private Long reqmem, memory, vmemory;
    private String cputype, gputype, resources;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public void setJobId(String v) { jobId = v; }
    public void setShortId(Long v) { shortId = v; }
    public void setName(String v) { name = v; }
    public void setPriority(String v) { priority = v; }
    public void setStatus(String v) { status = v; }
    public void setUsername(String v) { username = v; }
    public void setAccountName(String v) { accountName = v; }
    public void setQueueName(String v) { queueName = v; }
    public void setSubmit(Long v) { submit = v; }
    public void setQueued(Long v) { queued = v; }
    public void setEligible(Long v) { eligible = v; }
    public void setStart(Long v) { start = v; }
    public void setEnd(Long v) { end = v; }
    public void setElapsed(Long v) { elapsed = v; }
    public void setWalltime(Long v) { walltime = v; }
    public void setEligibleSecs(Long v) { eligibleSecs = v; }
    public void setRunCount(Integer v) { runCount = v; }
    public void setNumcpus(Integer v) { numcpus = v; }
    public void setNumgpus(Integer v) { numgpus = v; }
    public void setNumnodes(Integer v) { numnodes = v; }
    public void setMpiprocs(Integer v) { mpiprocs = v; }
    public void setOmpthreads(Integer v) { ompthreads = v; }
    public void setReqmem(Long v) { reqmem = v; }
    public void setMemory(Long v) { memory = v; }
    public void setVmemory(Long v) { vmemory = v; }
    public void setCputype(String v) { cputype = v; }
    public void setGputype(String v) { gputype = v; }
    public void setResources(String v) { resources = v; }

    /** The job as a parser would have produced it (without its raw record). */
    public JobRecord toRecord() {
        return JobRecord.builder(jobId).shortId(shortId).name(name).user(username).account(accountName)
                .queue(queueName).priority(priority).status(status).submit(instant(submit))
                .queued(instant(queued)).eligible(instant(eligible)).start(instant(start)).end(instant(end))
                .elapsed(elapsed).walltime(walltime).eligibleSecs(eligibleSecs).runCount(runCount)
                .numcpus(numcpus).numgpus(numgpus).numnodes(numnodes).mpiprocs(mpiprocs).ompthreads(ompthreads)
                .reqmem(reqmem).memory(memory).vmemory(vmemory).cputype(cputype).gputype(gputype)
                .resources(resources).build();
    }

    private static Instant instant(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
    }
}
