package org.hpcusage.core.store;

/** A stored job's scheduler id and end (epoch seconds), for remembering pruned jobs. */
public class JobKey {
    private String jobId;
    private Long end;

    public String getJobId() { return jobId; }
    public void setJobId(String v) { jobId = v; }
    public Long getEnd() { return end; }
    public void setEnd(Long v) { end = v; }
}
