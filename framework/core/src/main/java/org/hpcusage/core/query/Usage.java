package org.hpcusage.core.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jobs and their hours in a slice: raw hours, and charges = hours × QoS factor (a missing factor
 * counts as 1; a job without a charge row counts with zero hours). Mutable while a result is
 * being assembled, then handed out.
 */
public final class Usage {
    private long jobCount;
    private double cpuHours;
    private double gpuHours;
    private double cpuCharges;
    private double gpuCharges;

    public Usage() {
    }

    public Usage(long jobCount, double cpuHours, double gpuHours, double cpuCharges, double gpuCharges) {
        this.jobCount = jobCount;
        this.cpuHours = cpuHours;
        this.gpuHours = gpuHours;
        this.cpuCharges = cpuCharges;
        this.gpuCharges = gpuCharges;
    }

    public long jobCount() { return jobCount; }
    public double cpuHours() { return cpuHours; }
    public double gpuHours() { return gpuHours; }
    public double cpuCharges() { return cpuCharges; }
    public double gpuCharges() { return gpuCharges; }

    void add(Usage other) {
        jobCount += other.jobCount;
        cpuHours += other.cpuHours;
        gpuHours += other.gpuHours;
        cpuCharges += other.cpuCharges;
        gpuCharges += other.gpuCharges;
    }

    /** {@code job_count, cpu_hours, gpu_hours, cpu_charges, gpu_charges}, for output. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_count", jobCount);
        m.put("cpu_hours", cpuHours);
        m.put("gpu_hours", gpuHours);
        m.put("cpu_charges", cpuCharges);
        m.put("gpu_charges", gpuCharges);
        return m;
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
