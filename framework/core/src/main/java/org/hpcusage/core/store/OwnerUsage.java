package org.hpcusage.core.store;

/** Jobs and hours of one user or account. */
public class OwnerUsage {
    private String name;
    private long jobCount;
    private double hours;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public long getJobCount() { return jobCount; }
    public void setJobCount(long v) { jobCount = v; }
    public double getHours() { return hours; }
    public void setHours(double v) { hours = v; }
}
