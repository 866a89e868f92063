package org.hpcusage.core.query;

/** One job as the search statement returns it: the job, its lookup names and its charge row. */
public class SearchRow {
    private long id;
    private String jobId, name, priority, status, username, accountName, queueName, qosName;
    private Long shortId, submit, queued, eligible, start, end, elapsed, walltime, eligibleSecs;
    private Integer runCount, numcpus, numgpus, numnodes, mpiprocs, ompthreads, chargeVersion;
    private Long reqmem, memory, vmemory;
    private String cputype, gputype, resources;
    private Double cpuHours, gpuHours, memoryHours, qosFactor;

    public long getId() { return id; }
    public void setId(long v) { id = v; }
    public String getJobId() { return jobId; }
    public void setJobId(String v) { jobId = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getPriority() { return priority; }
    public void setPriority(String v) { priority = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String v) { accountName = v; }
    public String getQueueName() { return queueName; }
    public void setQueueName(String v) { queueName = v; }
    public String getQosName() { return qosName; }
    public void setQosName(String v) { qosName = v; }
    public Long getShortId() { return shortId; }
    public void setShortId(Long v) { shortId = v; }
    public Long getSubmit() { return submit; }
    public void setSubmit(Long v) { submit = v; }
    public Long getQueued() { return queued; }
    public void setQueued(Long v) { queued = v; }
    public Long getEligible() { return eligible; }
    public void setEligible(Long v) { eligible = v; }
    public Long getStart() { return start; }
    public void setStart(Long v) { start = v; }
    public Long getEnd() { return end; }
    public void setEnd(Long v) { end = v; }
    public Long getElapsed() { return elapsed; }
    public void setElapsed(Long v) { elapsed = v; }
    public Long getWalltime() { return walltime; }
    public void setWalltime(Long v) { walltime = v; }
    public Long getEligibleSecs() { return eligibleSecs; }
    public void setEligibleSecs(Long v) { eligibleSecs = v; }
    public Integer getRunCount() { return runCount; }
    public void setRunCount(Integer v) { runCount = v; }
    public Integer getNumcpus() { return numcpus; }
    public void setNumcpus(Integer v) { numcpus = v; }
    public Integer getNumgpus() { return numgpus; }
    public void setNumgpus(Integer v) { numgpus = v; }
    public Integer getNumnodes() { return numnodes; }
    public void setNumnodes(Integer v) { numnodes = v; }
    public Integer getMpiprocs() { return mpiprocs; }
    public void setMpiprocs(Integer v) { mpiprocs = v; }
    public Integer getOmpthreads() { return ompthreads; }
    public void setOmpthreads(Integer v) { ompthreads = v; }
    public Integer getChargeVersion() { return chargeVersion; }
    public void setChargeVersion(Integer v) { chargeVersion = v; }
    public Long getReqmem() { return reqmem; }
    public void setReqmem(Long v) { reqmem = v; }
    public Long getMemory() { return memory; }
    public void setMemory(Long v) { memory = v; }
    public Long getVmemory() { return vmemory; }
    public void setVmemory(Long v) { vmemory = v; }
    public String getCputype() { return cputype; }
    public void setCputype(String v) { cputype = v; }
    public String getGputype() { return gputype; }
    public void setGputype(String v) { gputype = v; }
    public String getResources() { return resources; }
    public void setResources(String v) { resources = v; }
    public Double getCpuHours() { return cpuHours; }
    public void setCpuHours(Double v) { cpuHours = v; }
    public Double getGpuHours() { return gpuHours; }
    public void setGpuHours(Double v) { gpuHours = v; }
    public Double getMemoryHours() { return memoryHours; }
    public void setMemoryHours(Double v) { memoryHours = v; }
    public Double getQosFactor() { return qosFactor; }
    public void setQosFactor(Double v) { qosFactor = v; }

    /** hours × factor, factor NULL → 1.0, no charge row (hours NULL) → NULL (reference §5.3). */
    Double charges(Double hours) {
        return hours == null ? null : hours * (qosFactor == null ? 1.0 : qosFactor);
    }
}
