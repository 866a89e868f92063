package org.hpcusage.core.query;

/**
 * One group of an aggregate statement: its key (a bucket index, a yyyymmdd day, a name), an
 * optional owner name, the job count and the hour and charge sums.
 */
public class GroupSums {
    private Long bucket;
    private String value;
    private String owner;
    private long jobCount;
    private double cpuHours;
    private double gpuHours;
    private double cpuCharges;
    private double gpuCharges;

    public Long getBucket() { return bucket; }
    public void setBucket(Long v) { bucket = v; }
    public String getValue() { return value; }
    public void setValue(String v) { value = v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v; }
    public void setJobCount(long v) { jobCount = v; }
    public void setCpuHours(Double v) { cpuHours = v == null ? 0.0 : v; }
    public void setGpuHours(Double v) { gpuHours = v == null ? 0.0 : v; }
    public void setCpuCharges(Double v) { cpuCharges = v == null ? 0.0 : v; }
    public void setGpuCharges(Double v) { gpuCharges = v == null ? 0.0 : v; }

    Usage usage() {
        return new Usage(jobCount, cpuHours, gpuHours, cpuCharges, gpuCharges);
    }
}
