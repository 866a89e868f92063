package org.hpcusage.core.store;

/** Usage of one user's jobs with one status on one machine: the scoreboard's input. */
public class UsageGroup {
    private long machineId;
    private long userId;
    private String status;
    private int bucket;
    private long jobs;
    private double cpuSeconds;
    private double elapsedSeconds;
    private double gpuSeconds;
    private double gpuElapsedSeconds;

    public long getMachineId() { return machineId; }
    public void setMachineId(long v) { machineId = v; }
    public long getUserId() { return userId; }
    public void setUserId(long v) { userId = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public int getBucket() { return bucket; }
    public void setBucket(int v) { bucket = v; }
    public long getJobs() { return jobs; }
    public void setJobs(long v) { jobs = v; }
    public double getCpuSeconds() { return cpuSeconds; }
    public void setCpuSeconds(double v) { cpuSeconds = v; }
    public double getElapsedSeconds() { return elapsedSeconds; }
    public void setElapsedSeconds(double v) { elapsedSeconds = v; }
    public double getGpuSeconds() { return gpuSeconds; }
    public void setGpuSeconds(double v) { gpuSeconds = v; }
    public double getGpuElapsedSeconds() { return gpuElapsedSeconds; }
    public void setGpuElapsedSeconds(double v) { gpuElapsedSeconds = v; }
}
