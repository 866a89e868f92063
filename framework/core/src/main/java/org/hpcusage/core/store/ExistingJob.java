package org.hpcusage.core.store;

/** Identity of a stored job: surrogate id and the (job id, submit) natural key. */
public class ExistingJob {
    private long id;
    private String jobId;
    private Long submit;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getJobId() { return jobId; }
    public void setJobId(String jobId) { this.jobId = jobId; }
    public Long getSubmit() { return submit; }
    public void setSubmit(Long submit) { this.submit = submit; }
}
