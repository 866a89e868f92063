package org.hpcusage.core.store;

/** One daily_summary row with its names. */
public class SummaryRow {
    private String date, userName, accountName, queueName;
    private long jobCount;
    private double cpuHours, gpuHours, memoryHours, cpuCharges, gpuCharges, memoryCharges;

    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getUserName() { return userName; }
    public void setUserName(String v) { userName = v; }
    public String getAccountName() { return accountName; }
    public void setAccountName(String v) { accountName = v; }
    public String getQueueName() { return queueName; }
    public void setQueueName(String v) { queueName = v; }
    public long getJobCount() { return jobCount; }
    public void setJobCount(long v) { jobCount = v; }
    public double getCpuHours() { return cpuHours; }
    public void setCpuHours(double v) { cpuHours = v; }
    public double getGpuHours() { return gpuHours; }
    public void setGpuHours(double v) { gpuHours = v; }
    public double getMemoryHours() { return memoryHours; }
    public void setMemoryHours(double v) { memoryHours = v; }
    public double getCpuCharges() { return cpuCharges; }
    public void setCpuCharges(double v) { cpuCharges = v; }
    public double getGpuCharges() { return gpuCharges; }
    public void setGpuCharges(double v) { gpuCharges = v; }
    public double getMemoryCharges() { return memoryCharges; }
    public void setMemoryCharges(double v) { memoryCharges = v; }
}
