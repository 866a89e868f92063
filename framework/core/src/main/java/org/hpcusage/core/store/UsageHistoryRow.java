package org.hpcusage.core.store;

/** One period of usage-history: all-queue users and projects, then CPU and GPU figures. */
public class UsageHistoryRow {
    private long period;
    private long users;
    private long projects;
    private long cpuUsers;
    private long cpuProjects;
    private long cpuJobs;
    private double cpuHours;
    private long gpuUsers;
    private long gpuProjects;
    private long gpuJobs;
    private double gpuHours;

    public long getPeriod() { return period; }
    public void setPeriod(long v) { period = v; }
    public long getUsers() { return users; }
    public void setUsers(long v) { users = v; }
    public long getProjects() { return projects; }
    public void setProjects(long v) { projects = v; }
    public long getCpuUsers() { return cpuUsers; }
    public void setCpuUsers(long v) { cpuUsers = v; }
    public long getCpuProjects() { return cpuProjects; }
    public void setCpuProjects(long v) { cpuProjects = v; }
    public long getCpuJobs() { return cpuJobs; }
    public void setCpuJobs(long v) { cpuJobs = v; }
    public double getCpuHours() { return cpuHours; }
    public void setCpuHours(double v) { cpuHours = v; }
    public long getGpuUsers() { return gpuUsers; }
    public void setGpuUsers(long v) { gpuUsers = v; }
    public long getGpuProjects() { return gpuProjects; }
    public void setGpuProjects(long v) { gpuProjects = v; }
    public long getGpuJobs() { return gpuJobs; }
    public void setGpuJobs(long v) { gpuJobs = v; }
    public double getGpuHours() { return gpuHours; }
    public void setGpuHours(double v) { gpuHours = v; }
}
